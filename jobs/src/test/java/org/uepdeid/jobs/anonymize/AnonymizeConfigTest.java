package org.uepdeid.jobs.anonymize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uepdeid.jobs.testing.CommandLineRun;

/** A bad anonymization policy fails `run` before any data is read: exit 2 and a message naming the key. */
class AnonymizeConfigTest {

    @TempDir
    Path dir;

    private String runWith(String anonymization) throws IOException {
        Files.writeString(dir.resolve("region.csv"), "Beijing;North China;*\n");
        Files.writeString(dir.resolve("pipeline.yaml"), "data_root: data\nip_regions: ip.csv\n"
                + "anonymization:\n" + anonymization);
        Files.writeString(dir.resolve("ip.csv"), "cidr,region\n10.0.0.0/8,Beijing\n");
        CommandLineRun cli = new CommandLineRun();
        int exit = cli.execute("run", "--config", dir.resolve("pipeline.yaml").toString(), "--date", "2026-11-27",
                "--demo");
        assertThat(exit).as(cli.err()).isEqualTo(2);
        return cli.err();
    }

    @Test
    void kOfZeroNamesTheModelAndValue() throws IOException {
        String err = runWith("  quasi_identifiers: [{name: region, hierarchy: region.csv}]\n"
                + "  privacy_models: [{type: k-anonymity, k: 0}]\n  metric: {type: loss}\n");
        assertThat(err).contains("privacy_models[0]").contains("k must be at least 1, got 0");
    }

    @Test
    void missingHierarchyFileNamesTheFile() throws IOException {
        String err = runWith("  quasi_identifiers: [{name: region, hierarchy: nowhere.csv}]\n"
                + "  privacy_models: [{type: k-anonymity, k: 5}]\n  metric: {type: loss}\n");
        assertThat(err).contains("nowhere.csv").contains("region");
    }

    @Test
    void unknownMetricKeyIsNamed() throws IOException {
        String err = runWith("  quasi_identifiers: [{name: region, hierarchy: region.csv}]\n"
                + "  privacy_models: [{type: k-anonymity, k: 5}]\n  metric: {type: loss, gs: 0.5}\n");
        assertThat(err).contains("metric.gs");
    }
}
