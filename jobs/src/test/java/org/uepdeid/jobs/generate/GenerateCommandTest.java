package org.uepdeid.jobs.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uepdeid.jobs.config.ExitCodes;
import org.uepdeid.jobs.testing.CommandLineRun;

/** {@code uep-deid generate} from the command line: exit codes and messages that name the option and value. */
class GenerateCommandTest {

    @TempDir
    Path folder;

    private final CommandLineRun cli = new CommandLineRun();

    @Test
    void negativeDevicesIsBadUsageNamingTheOptionAndValue() {
        assertThat(run("--devices", "-5")).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(cli.err()).contains("--devices").contains("-5");
    }

    @Test
    void anImpossibleDateIsBadUsageNamingTheOptionAndValue() {
        assertThat(run("--date", "2026-13-01")).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(cli.err()).contains("--date").contains("2026-13-01").contains("YYYY-MM-DD");
    }

    @Test
    void aBadShareOutOfRangeIsBadUsage() {
        assertThat(run("--bad-share", "0.9")).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(cli.err()).contains("--bad-share").contains("0.9");
    }

    @Test
    void zeroDaysIsBadUsage() {
        assertThat(run("--days", "0")).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(cli.err()).contains("--days").contains("0");
    }

    @Test
    void aMissingRequiredOptionIsBadUsage() {
        assertThat(cli.execute("generate", "--date", "2026-11-27", "--devices", "10")).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(cli.err()).contains("--out");
    }

    @Test
    void aConfigWithAnUnknownKeyIsBadUsageNamingFileAndKey() throws IOException {
        Path config = Files.writeString(folder.resolve("bad.yaml"), "generate:\n  devices_per_fil: 10\n");
        assertThat(run("--config", config.toString())).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(cli.err()).contains("bad.yaml").contains("generate.devices_per_fil");
    }

    @Test
    void aPlantedValuesFileInAMissingFolderIsBadUsageBeforeAnythingIsGenerated() {
        Path nowhere = folder.resolve("absent/planted.tsv");
        assertThat(run("--planted-pii", nowhere.toString())).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(cli.err()).contains("--planted-pii").contains("absent");
        assertThat(folder.resolve("landing")).doesNotExist();
    }

    @Test
    void writesTheDaysThePlantedValuesAndASummary() throws IOException {
        Path plantedFile = folder.resolve("planted.tsv");
        int exit = cli.execute("generate", "--out", folder.resolve("data").toString(), "--date", "2026-11-27",
                "--days", "1", "--devices", "40", "--seed", "3", "--bad-share", "0.02",
                "--config", GenerateFixtures.config(folder, "").toString(), "--planted-pii", plantedFile.toString());
        assertThat(exit).as(cli.err()).isEqualTo(ExitCodes.DONE);
        assertThat(folder.resolve("data/landing/dt=2026-11-27/part-00000.jsonl")).isNotEmptyFile();
        assertThat(cli.out()).contains("dt=2026-11-27").contains("good").contains("bad").contains("total:");
        List<String> planted = Files.readAllLines(plantedFile);
        assertThat(planted.get(0)).isEqualTo("dt\tdevice_id\tkind\tvalue");
        assertThat(planted).hasSizeGreaterThan(40 * 8);
        assertThat(planted.subList(1, planted.size())).allSatisfy(row -> assertThat(row.split("\t")).hasSize(4));
    }

    /** A valid command line with one option replaced; nothing reaches Spark when an option is wrong. */
    private int run(String option, String value) {
        List<String> args = new ArrayList<>(List.of("generate", "--out", folder.toString(), "--date",
                "2026-11-27", "--days", "1", "--devices", "10", "--bad-share", "0.01"));
        int at = args.indexOf(option);
        if (at >= 0) {
            args.set(at + 1, value);
        } else {
            args.addAll(List.of(option, value));
        }
        return cli.execute(args.toArray(String[]::new));
    }
}
