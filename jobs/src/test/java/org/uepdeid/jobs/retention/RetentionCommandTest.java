package org.uepdeid.jobs.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uepdeid.jobs.config.ExitCodes;
import org.uepdeid.jobs.testing.CommandRun;
import org.uepdeid.jobs.testing.TelemetryFixtures;

/**
 * {@code uep-deid retention} on a data root with tiny partitions of many days in every zone, as of 2026-11-29 with
 * the repository's periods: landing 7 days (keeps dt>=2026-11-22), staging and quarantine 30 (keeps dt>=2026-10-30),
 * published and reports forever.
 */
class RetentionCommandTest {

    private static final String AS_OF = "2026-11-29";
    private static final String PERIODS = "retention: {landing_days: 7, staging_days: 30, quarantine_days: 30, "
            + "published_days: 0, reports_days: 0}\n";
    /** Every day partition written, and what must be gone afterwards. */
    private static final List<String> PARTITIONS = List.of(
            "landing/dt=2026-11-21", "landing/dt=2026-11-22", "landing/dt=2026-11-28",
            "staging/events/dt=2026-10-29", "staging/events/dt=2026-10-30", "staging/events/dt=2026-11-28",
            "staging/profiles/dt=2026-10-01", "staging/classes/dt=2026-11-28",
            "quarantine/dt=2026-10-29", "quarantine/dt=2026-11-28",
            "quarantine/anonymize/dt=2026-10-01", "quarantine/anonymize/dt=2026-11-28",
            "published/microdata/device_profiles/dt=2020-01-01", "published/stats/os_adoption/dt=2020-01-01",
            "reports/dt=2020-01-01");
    private static final Set<String> EXPIRED = Set.of("landing/dt=2026-11-21", "staging/events/dt=2026-10-29",
            "staging/profiles/dt=2026-10-01", "quarantine/dt=2026-10-29", "quarantine/anonymize/dt=2026-10-01");
    /** Entries of a zone that are not day partitions: never removed, whatever their age looks like. */
    private static final List<String> STRAYS = List.of("landing/dt=2026-11-1", "landing/notes/dt=2020-01-01",
            "staging/events/_tmp-dt=2020-01-01-abcd1234");

    @TempDir
    Path dir;

    private Path data;

    @BeforeEach
    void writeZones() throws IOException {
        data = dir.resolve("data");
        for (String folder : PARTITIONS) {
            writePartition(data.resolve(folder));
        }
        for (String folder : STRAYS) {
            writePartition(data.resolve(folder));
        }
        Files.writeString(data.resolve("landing/README.txt"), "uploads land here");
        writePartition(data.resolve("ledger/erasure/request-1"));
    }

    @Test
    void removesExactlyThePartitionsOlderThanTheirZonesPeriod() throws IOException {
        CommandRun run = run(config(PERIODS), "--as-of", AS_OF);

        assertThat(run.exit()).isEqualTo(ExitCodes.DONE);
        Set<String> expected = new TreeSet<>(PARTITIONS);
        expected.removeAll(EXPIRED);
        assertThat(dayFolders()).containsExactlyElementsOf(expected);
        assertThat(run.out()).contains("removed 5 partition(s)")
                .containsPattern("landing .* removed 1, kept 2: dt=2026-11-21\\R")
                .containsPattern("quarantine .* removed 1, kept 1: dt=2026-10-29\\R")
                .containsPattern("published/stats/os_adoption +kept forever +removed 0, kept 1");
    }

    @Test
    void aDryRunRemovesNothingButSaysWhatItWould() throws IOException {
        Set<String> before = everything();

        CommandRun run = run(config(PERIODS), "--as-of", AS_OF, "--dry-run");

        assertThat(run.exit()).isEqualTo(ExitCodes.DONE);
        assertThat(everything()).isEqualTo(before);
        assertThat(run.out()).contains("dry run", "would remove 5 partition(s)")
                .containsPattern("staging/events .* would remove 1, kept 2: dt=2026-10-29\\R");
    }

    @Test
    void entriesNotNamedLikeADayAreLeftAloneAndListed() throws IOException {
        CommandRun run = run(config(PERIODS), "--as-of", AS_OF);

        for (String stray : STRAYS) {
            assertThat(data.resolve(stray)).isDirectory();
        }
        assertThat(data.resolve("landing/README.txt")).exists();
        assertThat(data.resolve("ledger/erasure/request-1")).isDirectory();
        assertThat(run.out())
                .contains("left alone in landing (not dt=YYYY-MM-DD): README.txt, dt=2026-11-1, notes")
                .contains("left alone in staging/events (not dt=YYYY-MM-DD): _tmp-dt=2020-01-01-abcd1234")
                // quarantine/anonymize is a zone of its own, not a stray entry of quarantine
                .doesNotContain("left alone in quarantine");
    }

    @Test
    void aPublishedPeriodAppliesToTheMicrodataAndEveryStatisticsProduct() throws IOException {
        CommandRun run = run(config("retention: {published_days: 365}\n"), "--as-of", AS_OF);

        assertThat(run.exit()).isEqualTo(ExitCodes.DONE);
        assertThat(dayFolders()).doesNotContain("published/microdata/device_profiles/dt=2020-01-01",
                "published/stats/os_adoption/dt=2020-01-01").contains("reports/dt=2020-01-01", "landing/dt=2026-11-21");
    }

    @Test
    void withoutARetentionSectionEverythingIsKept() throws IOException {
        Set<String> before = everything();

        CommandRun run = run(config(""), "--as-of", AS_OF);

        assertThat(run.exit()).isEqualTo(ExitCodes.DONE);
        assertThat(everything()).isEqualTo(before);
        assertThat(run.out()).contains("removed 0 partition(s)");
    }

    @Test
    void anUnknownRetentionKeyIsABadConfigNamingTheKeyAndTheFile() throws IOException {
        Path config = config("retention: {staging_dayz: 30}\n");
        Set<String> before = everything();

        CommandRun run = run(config, "--as-of", AS_OF);

        assertThat(run.exit()).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(run.err()).contains(config.toString(), "retention.staging_dayz: unknown key",
                "staging_days");
        assertThat(everything()).isEqualTo(before);
    }

    @Test
    void aNegativePeriodIsABadConfig() throws IOException {
        CommandRun run = run(config("retention: {landing_days: -7}\n"), "--as-of", AS_OF);

        assertThat(run.exit()).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(run.err()).contains("retention.landing_days", "-7");
    }

    private Path config(String retention) throws IOException {
        return Files.writeString(dir.resolve("pipeline.yaml"), "data_root: data\n" + TelemetryFixtures.ANONYMIZATION + retention);
    }

    private static CommandRun run(Path config, String... args) {
        return CommandRun.of("retention", Stream.concat(Stream.of("--config", config.toString()), Stream.of(args))
                .toArray(String[]::new));
    }

    private static void writePartition(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("part-00000.parquet"), "not really parquet: retention never reads it");
        Files.writeString(folder.resolve("_manifest.json"), "{}");
    }

    /** The day partitions of the zones that exist, as data-root-relative paths. */
    private Set<String> dayFolders() throws IOException {
        return everything().stream().filter(p -> PARTITIONS.contains(p)).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Every file and folder under the data root. */
    private Set<String> everything() throws IOException {
        try (Stream<Path> all = Files.walk(data)) {
            return all.map(p -> data.relativize(p).toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
