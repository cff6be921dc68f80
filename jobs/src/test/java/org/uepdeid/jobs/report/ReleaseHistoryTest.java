package org.uepdeid.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uepdeid.anonymizer.input.UserInputException;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.reports.History;
import org.uepdeid.reports.PublishedDay;
import org.uepdeid.reports.QiLevel;
import org.uepdeid.reports.Release;

/**
 * The 30 days up to a report's day, read from the published manifests and the release log only: each published day
 * with its figures, missing days left out, releases and their retraction notices, and malformed log files named.
 */
class ReleaseHistoryTest {

    private static final LocalDate DAY = ReportDay.DAY;
    private static final Set<LocalDate> GAPS = Set.of(DAY.minusDays(20), DAY.minusDays(3));

    @TempDir
    Path root;

    private ReleaseHistory history;

    @BeforeEach
    void thirtyOneDaysWithTwoMissing() throws IOException {
        for (LocalDate day = DAY.minusDays(History.DAYS); !day.isAfter(DAY); day = day.plusDays(1)) {
            if (!GAPS.contains(day)) {
                HistoryDays.publish(root, day, 100 + day.getDayOfMonth(), day.getDayOfMonth() % 5);
            }
        }
        HistoryDays.product(root, DAY.minusDays(1), "os_adoption");
        HistoryDays.product(root, DAY.minusDays(1), "app_usage");
        history = new ReleaseHistory(new DataRoot(root.toUri()), new Configuration());
    }

    @Test
    void readsEveryPublishedDayOfTheWindowAndNoOther() throws IOException {
        History read = history.read(DAY);

        assertThat(read.from()).isEqualTo(DAY.minusDays(29));
        assertThat(read.to()).isEqualTo(DAY);
        // 30 days in the window, two of them missing; the day before the window is not read.
        assertThat(read.days()).hasSize(28).extracting(PublishedDay::date).doesNotContainAnyElementsOf(GAPS)
                .doesNotContain(DAY.minusDays(30));
        PublishedDay yesterday = read.day(DAY.minusDays(1)).orElseThrow();
        assertThat(yesterday.suppression().records()).isEqualTo(126);
        assertThat(yesterday.suppression().suppressedRecords()).isEqualTo(1);
        assertThat(yesterday.informationLoss().values()).containsExactly(0.4125);
        assertThat(yesterday.levels()).extracting(QiLevel::attribute, QiLevel::level)
                .contains(org.assertj.core.groups.Tuple.tuple("cpu_family", 3));
        assertThat(yesterday.products()).isEqualTo(2);
        assertThat(yesterday.verification()).isEqualTo("passed");
        assertThat(read.releases()).isEmpty();
    }

    @Test
    void readsTheWindowsReleasesAndWhichHaveARetractionNotice() throws IOException {
        HistoryDays.release(root, DAY + "-r1", DAY, null, null);
        HistoryDays.release(root, DAY + "-r2", DAY, DAY + "-r1", "erasure");
        HistoryDays.retraction(root, DAY + "-r1");
        LocalDate old = DAY.minusDays(40);
        HistoryDays.release(root, old + "-r1", old, null, null);
        // A writer's temporary file and a stray note are not releases.
        Files.writeString(root.resolve("published/_releases/." + DAY + "-r3.json.tmp"), "{");
        Files.writeString(root.resolve("published/_releases/README.txt"), "not a release");

        List<Release> releases = history.read(DAY).releases();

        assertThat(releases).extracting(Release::id).containsExactly(DAY + "-r1", DAY + "-r2");
        assertThat(releases).extracting(Release::retractionNotice).containsExactly(true, false);
        Release second = releases.get(1);
        assertThat(second.supersedes()).isEqualTo(DAY + "-r1");
        assertThat(second.reason()).isEqualTo("erasure");
        assertThat(second.created()).isEqualTo("2026-11-28T03:00:00Z");
        assertThat(second.outputs()).singleElement().satisfies(o -> {
            assertThat(o.product()).isEqualTo("device_profiles");
            assertThat(o.kind()).isEqualTo("microdata");
            assertThat(o.audience()).isEqualTo("internal");
            assertThat(o.rows()).isEqualTo(9876);
        });
    }

    @Test
    void aMalformedReleaseFileIsNamedWithItsKey() throws IOException {
        Path file = HistoryDays.release(root, DAY + "-r1", DAY, null, null);
        HistoryDays.edit(file, text -> text.replace("\"rows\" : 9876", "\"rows\" : \"many\""));

        assertThatThrownBy(() -> history.read(DAY)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("published/_releases/2026-11-27-r1.json: outputs[0].rows: must be a whole "
                        + "number, got \"many\"");
    }

    @Test
    void aReleaseFileMustRepeatItsName() throws IOException {
        Path file = HistoryDays.release(root, DAY + "-r1", DAY, null, null);
        Files.move(file, file.resolveSibling(DAY + "-r4.json"));
        assertThatThrownBy(() -> history.read(DAY)).hasMessageContaining("2026-11-27-r4.json: release_id: must be "
                + "2026-11-27-r4, the file's name, got 2026-11-27-r1");
    }

    @Test
    void aMalformedManifestOfAnEarlierDayIsNamed() throws IOException {
        Path manifest = root.resolve("published/microdata/device_profiles/dt=" + DAY.minusDays(5) + "/_manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"min_class_size\" : 11,", ""),
                StandardCharsets.UTF_8);

        assertThatThrownBy(() -> history.read(DAY)).hasMessageContaining("dt=2026-11-22/_manifest.json: "
                + "privacy.min_class_size: must be a whole number, got nothing");
    }
}
