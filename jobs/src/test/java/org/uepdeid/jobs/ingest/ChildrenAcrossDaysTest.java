package org.uepdeid.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.uepdeid.jobs.testing.TelemetryFixtures.deviceId;
import static org.uepdeid.jobs.testing.TelemetryFixtures.line;
import static org.uepdeid.jobs.testing.TelemetryFixtures.login;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uepdeid.jobs.config.DevicePseudonymizer;
import org.uepdeid.jobs.config.PipelineConfig;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.manifest.Accounting;
import org.uepdeid.jobs.manifest.RunManifest;
import org.uepdeid.jobs.staging.StagingEvents;
import org.uepdeid.jobs.testing.SparkTestSession;
import org.uepdeid.jobs.testing.TelemetryFixtures;

/**
 * A device that says on day 2 it is a child's: its day-1 rows leave staging and quarantine (policy Part VII 3), and
 * day 3 excludes it though it states no birth year any more.
 */
class ChildrenAcrossDaysTest {

    static final LocalDate DAY_1 = LocalDate.of(2026, 11, 27);
    static final LocalDate DAY_2 = DAY_1.plusDays(1);
    static final LocalDate DAY_3 = DAY_1.plusDays(2);
    static final int CHILD = 1;
    static final int ADULT = 2;

    @TempDir
    static Path dataRoot;

    static SparkSession spark;
    static DataRoot root;
    static String child;
    static String adult;
    static long childRowsOnDay1BeforeDay2;
    static RunManifest day2;
    static RunManifest day3;

    @BeforeAll
    static void ingestThreeDays() throws IOException {
        spark = SparkTestSession.get();
        root = new DataRoot(dataRoot.toUri());
        DevicePseudonymizer pseudonyms = new DevicePseudonymizer(TelemetryLineParserTest.KEY);
        child = pseudonyms.pseudonym(deviceId(CHILD));
        adult = pseudonyms.pseudonym(deviceId(ADULT));
        land(DAY_1, List.of(on(DAY_1, CHILD, null), on(DAY_1, ADULT, null),
                line(login(deviceId(CHILD)), e -> {
                    e.remove("birth_year");
                    e.put("ip", "bad");
                })));
        land(DAY_2, List.of(on(DAY_2, CHILD, 2012), on(DAY_2, ADULT, null)));
        land(DAY_3, List.of(on(DAY_3, CHILD, null), on(DAY_3, ADULT, null)));

        PipelineConfig config = TelemetryFixtures.config(dataRoot);
        IngestJob ingest = new IngestJob(spark, config, TelemetryLineParserTest.KEY,
                Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC));
        ingest.run(DAY_1);
        childRowsOnDay1BeforeDay2 = rowsOf(root.stagingEvents(DAY_1), child) + rowsOf(root.quarantine(DAY_1), child);
        day2 = ingest.run(DAY_2);
        day3 = ingest.run(DAY_3);
    }

    @Test
    void theChildsEarlierRowsArePurgedFromStagingAndQuarantine() {
        assertThat(childRowsOnDay1BeforeDay2).as("day 1 held the device before it was known").isEqualTo(2);

        assertThat(rowsOf(root.stagingEvents(DAY_1), child)).isZero();
        assertThat(rowsOf(root.quarantine(DAY_1), child)).isZero();
        assertThat(rowsOf(root.stagingEvents(DAY_1), adult)).isEqualTo(1);
    }

    @Test
    void laterDaysExcludeTheChildThroughTheLedger() {
        assertThat(day2.accounting()).isEqualTo(new Accounting(2, 1, Map.of(), 0, 1, 0, 0));
        assertThat(day3.accounting()).isEqualTo(new Accounting(2, 1, Map.of(), 0, 1, 0, 0));
        assertThat(rowsOf(root.stagingEvents(DAY_3), child)).isZero();
        assertThat(rowsOf(root.stagingEvents(DAY_3), adult)).isEqualTo(1);
    }

    @Test
    void theLedgerRecordsTheChildOnce() {
        assertThat(spark.read().parquet(root.ledger("children").toString()).collectAsList())
                .extracting(r -> r.getAs(StagingEvents.DEVICE_PSEUDONYM), r -> r.getAs("birth_year"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(child, 2012));
    }

    private static String on(LocalDate day, int device, Integer birthYear) {
        return line(login(deviceId(device)), e -> {
            e.put("ts", day + "T09:30:00+08:00");
            if (birthYear == null) {
                e.remove("birth_year");
            } else {
                e.put("birth_year", birthYear);
            }
        });
    }

    private static void land(LocalDate day, List<String> lines) {
        TelemetryFixtures.writeLanding(dataRoot, day.toString(), "a.jsonl",
                lines.stream().map(TelemetryFixtures::utf8).toList());
    }

    private static long rowsOf(org.apache.hadoop.fs.Path partition, String pseudonym) {
        return spark.read().parquet(partition.toString())
                .filter(col(StagingEvents.DEVICE_PSEUDONYM).equalTo(pseudonym)).count();
    }
}
