package org.uepdeid.jobs.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uepdeid.anonymizer.input.UserInputException;
import org.uepdeid.jobs.config.PipelineConfigReader;
import org.uepdeid.jobs.config.RetentionSection;
import org.uepdeid.jobs.testing.TelemetryFixtures;

/** The periods retention reads from the config, and the rule that turns a period into a cut-off day. */
class RetentionConfigTest {

    @TempDir
    Path dir;

    @Test
    void theRepositoryConfigKeepsLandingAWeekInternalZonesAMonthAndTheRestForever() {
        RetentionSection retention =
                new PipelineConfigReader().read(Path.of("..", "jobs-config", "pipeline.yaml")).retention();

        assertThat(retention).isEqualTo(new RetentionSection(7, 30, 30, 0, 0));
    }

    @Test
    void anAbsentKeyKeepsItsZonesForever() throws IOException {
        Path file = Files.writeString(dir.resolve("pipeline.yaml"),
                TelemetryFixtures.ANONYMIZATION + "retention: {landing_days: 3}\n");

        assertThat(new PipelineConfigReader().read(file).retention()).isEqualTo(new RetentionSection(3, 0, 0, 0, 0));
    }

    @Test
    void aPartitionGoesOnlyWhenItsDayIsBeforeAsOfMinusThePeriod() {
        ZoneRetention week = new ZoneRetention("landing", new org.apache.hadoop.fs.Path("/data/landing"), 7);
        LocalDate asOf = LocalDate.parse("2026-11-29");

        assertThat(week.expired(LocalDate.parse("2026-11-21"), asOf)).isTrue();
        assertThat(week.expired(LocalDate.parse("2026-11-22"), asOf)).isFalse();
        assertThat(new ZoneRetention("reports", week.folder(), RetentionSection.FOREVER)
                .expired(LocalDate.parse("1999-01-01"), asOf)).isFalse();
    }
}
