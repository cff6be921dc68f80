package org.uepdeid.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.uepdeid.jobs.testing.TelemetryFixtures.deviceId;
import static org.uepdeid.jobs.testing.TelemetryFixtures.deviceProfile;
import static org.uepdeid.jobs.testing.TelemetryFixtures.login;
import static org.uepdeid.jobs.testing.TelemetryFixtures.utf8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uepdeid.jobs.config.DevicePseudonymizer;
import org.uepdeid.jobs.config.PseudonymKey;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.manifest.RunManifest;
import org.uepdeid.jobs.staging.StagingEvents;
import org.uepdeid.jobs.testing.SparkTestSession;
import org.uepdeid.jobs.testing.TelemetryFixtures;

/** Re-running a day replaces its outputs, and the same key gives the same pseudonyms; an empty day still runs. */
class IngestRerunTest {

    @TempDir
    Path dataRoot;

    private final SparkSession spark = SparkTestSession.get();

    @Test
    void aRerunReplacesTheOutputsWithTheSamePseudonyms() throws IOException {
        TelemetryFixtures.writeLanding(dataRoot, "a.jsonl", List.of(utf8(deviceProfile(deviceId(1)).toString()),
                utf8(login(deviceId(2)).toString()), utf8("{broken")));
        DataRoot root = new DataRoot(dataRoot.toUri());
        Path events = Path.of(root.stagingEvents(IngestJobTest.DAY).toUri());

        RunManifest first = ingest(TelemetryLineParserTest.KEY);
        List<String> firstPseudonyms = pseudonyms(root);
        Files.writeString(events.resolve("stale-from-an-old-run.parquet"), "not parquet");
        RunManifest second = ingest(TelemetryLineParserTest.KEY);
        List<String> secondPseudonyms = pseudonyms(root);

        assertThat(second.accounting()).isEqualTo(first.accounting());
        assertThat(second.runId()).isNotEqualTo(first.runId());
        assertThat(events.resolve("stale-from-an-old-run.parquet")).doesNotExist();
        assertThat(leftovers(events.getParent())).isEmpty();
        DevicePseudonymizer pseudonymizer = new DevicePseudonymizer(TelemetryLineParserTest.KEY);
        assertThat(firstPseudonyms).containsExactly(pseudonymizer.pseudonym(deviceId(1)),
                pseudonymizer.pseudonym(deviceId(2)));
        assertThat(secondPseudonyms).isEqualTo(firstPseudonyms);
        assertThat(firstPseudonyms).allMatch(p -> p.matches("[0-9a-f]{64}"));
    }

    @Test
    void aDayWithoutUploadsGivesEmptyOutputsAndABalancedManifest() throws IOException {
        Files.createDirectories(dataRoot.resolve("landing/dt=" + TelemetryFixtures.DAY));

        RunManifest manifest = ingest(TelemetryLineParserTest.KEY);

        assertThat(manifest.accounting().inputLines()).isZero();
        assertThat(manifest.accounting().balanced()).isTrue();
        assertThat(manifest.inputs()).isEmpty();
        assertThat(spark.read().parquet(new DataRoot(dataRoot.toUri()).stagingEvents(IngestJobTest.DAY).toString())
                .count()).isZero();
    }

    private RunManifest ingest(PseudonymKey key) throws IOException {
        return new IngestJob(spark, TelemetryFixtures.config(dataRoot), key, IngestJobTest.CLOCK)
                .run(IngestJobTest.DAY);
    }

    private List<String> pseudonyms(DataRoot root) {
        return spark.read().parquet(root.stagingEvents(IngestJobTest.DAY).toString())
                .select(StagingEvents.DEVICE_PSEUDONYM).orderBy(StagingEvents.TS).collectAsList().stream()
                .map(r -> r.getString(0)).toList();
    }

    private static List<String> leftovers(Path zone) throws IOException {
        try (Stream<Path> files = Files.list(zone)) {
            return files.map(p -> p.getFileName().toString()).filter(name -> name.startsWith("_")).toList();
        }
    }
}
