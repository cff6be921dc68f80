package org.uepdeid.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.uepdeid.jobs.testing.SparkTestSession;
import org.uepdeid.jobs.testing.TelemetryFixtures;
import org.uepdeid.reports.HtmlReport;

/**
 * The report of a hand-written day: every section, the published rows, the verdict, the 30 days up to it and its
 * releases, and nothing from staging.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportJobTest {

    private static final Pattern CHART = Pattern.compile("<img class=\"chart\" src=\"data:image/png;base64,[A-Za-z0-9+/=]{1000,}\"");

    private SparkSession spark;
    private Path report;
    private String html;

    @BeforeAll
    void reportOnTheDay(@TempDir Path root) throws IOException {
        spark = SparkTestSession.get();
        ReportDay.write(spark, root);
        report = run(root);
        html = Files.readString(report);
    }

    @Test
    void writesOneSelfContainedReportWithEverySection() throws IOException {
        assertThat(report.toString()).endsWith("reports/dt=2026-11-27/report.html");
        HtmlReport.SECTIONS.forEach(id -> assertThat(html).contains("<section id=\"" + id + "\">"));
        // Three funnels, the levels, class sizes, risk profile, risk distribution, suppression and loss; the trends of
        // records, suppression, loss and levels.
        assertThat(CHART.matcher(html).results().count()).isEqualTo(8 + 4);
        assertThat(html).doesNotContain("http://", "https://");
        assertThat(html).contains("VERIFIED: all checks passed", "<td>k_anonymity</td>", "<code>a***@b***.cn</code>");
        // Published by rename: no temporary file is left beside verify's compliance.json.
        try (var files = Files.list(report.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".crc")))
                    .containsExactlyInAnyOrder("compliance.json", "report.html");
        }
    }

    @Test
    void showsTheAccountingLevelsAndSuppressionOfTheManifests() {
        assertThat(html).contains("lines in: 1,000; quarantined: bad_json: 25; quarantined: personal_data: 15; "
                + "no consent: 30; minors: 12; duplicates: 18; accepted: 900.");
        assertThat(html).contains("None: erased.", "superseded by a later profile: 30",
                "quarantined: value_not_in_hierarchy: 4; published rows: 196");
        assertThat(html).contains("cpu_family: chosen level 3, hierarchy height 3", "k-anonymity (k=10)");
        assertThat(html).contains("3 of 196 records suppressed (1.53%; limit 2%)");
        assertThat(html).contains("size 101–1,000 (101 records): 1");
    }

    @Test
    void showsThePublishedStatisticsLargestCellsFirst() {
        assertThat(html).contains("<summary><b>os_adoption</b>: 3 cells published, 2 withheld</summary>",
                "Every published cell counts at least 10 devices. Shown: 2 of 3, largest cells by devices.");
        assertThat(html).contains("<tr><td>20.1070.*</td><td>professional</td><td>east</td><td class=\"num\">120</td>"
                + "</tr>\n<tr><td>20.*</td><td>*</td><td>*</td><td class=\"num\">45</td></tr>");
        assertThat(html).doesNotContain("<td>north</td>");
    }

    @Test
    void noValueOrPathFromStagingOrLandingReachesTheReport() {
        assertThat(html).doesNotContain(ReportDay.SENTINEL).doesNotContain("landing/").doesNotContain("staging/");
    }

    @Test
    void withoutComplianceJsonTheReportSaysNotVerifiedAndStillRenders(@TempDir Path root) throws IOException {
        ReportDay.write(spark, root);
        Files.delete(root.resolve("reports/dt=2026-11-27/compliance.json"));

        String html = Files.readString(run(root));

        assertThat(html).contains("NOT VERIFIED: do not release", "Not verified: reports/dt=2026-11-27/compliance.json");
        assertThat(CHART.matcher(html).results().count()).isEqualTo(6 + 4);
        // Without verify's measurement the manifest's own suppression figures are shown.
        assertThat(html).contains("3 of 196 records suppressed");
    }

    @Test
    void aDataRootWithoutAReleaseLogShowsTheDayAloneInItsThirtyDays() {
        assertThat(html).contains("The release log (published/_releases/) holds no release of 2026-11-27",
                "From 2026-10-29 to 2026-11-27, device profiles were published on 1 of 30 days; no release on "
                        + "2026-10-29 to 2026-11-26: gaps in the charts, not zeros.",
                "Records published per day. 2026-10-29: no release;", "2026-11-27: 196.");
    }

    @Test
    void thirtyDaysAndTheReleaseLogAreShownBesideTheDay(@TempDir Path root) throws IOException {
        ReportDay.write(spark, root);
        for (int back = 1; back < 30; back++) {
            if (back != 4 && back != 5) {
                HistoryDays.publish(root, ReportDay.DAY.minusDays(back), 150 + back, back % 3);
            }
        }
        HistoryDays.release(root, "2026-11-27-r1", ReportDay.DAY, null, null);
        HistoryDays.retraction(root, "2026-11-27-r1");
        HistoryDays.release(root, "2026-11-27-r2", ReportDay.DAY, "2026-11-27-r1", "erasure");

        String html = Files.readString(run(root));

        assertThat(CHART.matcher(html).results().count()).isEqualTo(8 + 4);
        assertThat(html).contains("device profiles were published on 28 of 30 days; no release on 2026-11-22 to "
                + "2026-11-23: gaps in the charts, not zeros.");
        assertThat(html).contains("2026-11-21: 156; 2026-11-22: no release; 2026-11-23: no release; "
                + "2026-11-24: 153;");
        assertThat(html).contains("2 releases in the log; 2026-11-27-r2 stands.",
                "<td>2026-11-27-r2</td><td>2026-11-28T03:00:00Z</td><td>standing</td><td>2026-11-27-r1</td>"
                        + "<td>erasure</td>");
        assertThat(html).contains("<tr><td>2026-11-27</td><td class=\"num\">2</td><td class=\"num\">196</td>");
        assertThat(html).doesNotContain(ReportDay.SENTINEL).doesNotContain("staging/");
    }

    private Path run(Path root) throws IOException {
        return Path.of(new ReportJob(spark, TelemetryFixtures.config(root), 2).run(ReportDay.DAY).toUri());
    }
}
