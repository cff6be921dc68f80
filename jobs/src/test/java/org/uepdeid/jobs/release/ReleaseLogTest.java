package org.uepdeid.jobs.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uepdeid.jobs.layout.DataRoot;

class ReleaseLogTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    private static final String SHA = "ab".repeat(32);

    @TempDir
    Path dir;

    @Test
    void releasesOfADayAreNumberedAndTheLatestStands() throws IOException {
        ReleaseLog log = new ReleaseLog(new DataRoot(dir.toUri()), new Configuration());
        assertThat(log.standing(DAY)).isEmpty();
        assertThat(ReleaseId.first(DAY)).hasToString("2026-11-27-r1");

        ReleaseRecord first = record(ReleaseId.first(DAY), null, null);
        log.append(first);
        ReleaseRecord second = record(log.standing(DAY).orElseThrow().id().next(), first.id(), "erasure");
        log.append(second);
        log.append(record(ReleaseId.first(DAY.plusDays(1)), null, null));

        assertThat(log.history(DAY)).containsExactly(first, second);
        assertThat(log.standing(DAY)).contains(second);
        assertThat(log.between(DAY, DAY.plusDays(1))).hasSize(3);
        assertThat(dir.resolve("published/_releases/2026-11-27-r2.json")).exists();
    }

    @Test
    void anEntryIsWrittenOnce() throws IOException {
        ReleaseLog log = new ReleaseLog(new DataRoot(dir.toUri()), new Configuration());
        log.append(record(ReleaseId.first(DAY), null, null));
        assertThatThrownBy(() -> log.append(record(ReleaseId.first(DAY), null, null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("written once");
    }

    @Test
    void aRetractionNoticeListsEveryFileToDeleteAndWhy() throws IOException {
        ReleaseLog log = new ReleaseLog(new DataRoot(dir.toUri()), new Configuration());
        ReleaseRecord first = record(ReleaseId.first(DAY), null, null);
        org.apache.hadoop.fs.Path notice = log.retract(new RetractionNotice(first, first.id().next(), "erasure",
                Instant.parse("2026-11-29T08:00:00Z")));
        String json = Files.readString(Path.of(notice.toUri()));
        assertThat(json).contains("\"release_id\" : \"2026-11-27-r1\"").contains("\"superseded_by\" : "
                + "\"2026-11-27-r2\"").contains("\"reason\" : \"erasure\"").contains("part-00000.parquet")
                .contains(SHA).contains("\"audiences\" : [ \"affiliates\" ]");
        assertThat(log.retractionNotices(DAY, DAY)).hasSize(1);
    }

    @Test
    void aRecordSupersedesOnlyAnEarlierReleaseOfItsDayAndSaysWhy() {
        assertThatThrownBy(() -> record(ReleaseId.first(DAY).next(), ReleaseId.first(DAY), null))
                .hasMessageContaining("says why");
        assertThatThrownBy(() -> record(ReleaseId.first(DAY), ReleaseId.first(DAY.minusDays(1)), "x"))
                .hasMessageContaining("earlier release of the same day");
        assertThat(ReleaseId.parse("2026-11-27-r12")).contains(new ReleaseId(DAY, 12));
        assertThat(ReleaseId.parse("2026-11-27-r0")).isEmpty();
        assertThat(ReleaseId.parse("../x")).isEmpty();
    }

    private static ReleaseRecord record(ReleaseId id, ReleaseId supersedes, String reason) {
        return new ReleaseRecord(id, Instant.parse("2026-11-28T03:00:00Z"), supersedes, reason, "cd".repeat(32),
                "dev", "default", "passed", "reports/dt=" + id.date() + "/compliance.json",
                List.of(new ReleasedOutput("published/stats/os_adoption/dt=" + id.date(), "os_adoption",
                        ReleasedOutput.STATISTICS, Audience.AFFILIATES, 12,
                        List.of(new ReleasedFile("part-00000.parquet", 1234, SHA)))));
    }
}
