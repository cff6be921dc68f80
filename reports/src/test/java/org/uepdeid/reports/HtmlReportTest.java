package org.uepdeid.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The rendered document: every section, every chart drawn, the verification table, and nothing unescaped. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // renders the fixture once for all tests, which only read it
class HtmlReportTest {

    private final String html = HtmlReport.render(ReportFixtures.verified());

    @Test
    void hasEverySection() {
        HtmlReport.SECTIONS.forEach(id -> assertThat(html).contains("<section id=\"" + id + "\">"));
    }

    @Test
    void everyChartIsAnInlinePngThatDrawsSomething() throws IOException {
        List<BufferedImage> charts = ChartImages.in(html);

        // Two funnels, the levels, class sizes, risk profile, risk distribution, suppression and loss; then the 30
        // days' records, suppression, loss and levels.
        assertThat(charts).hasSize(11);
        for (BufferedImage chart : charts) {
            assertThat(chart.getWidth()).isEqualTo(BarChart.WIDTH * BarChart.PIXEL_RATIO);
            assertThat(ChartImages.colours(chart, 50)).as("distinct colours").isGreaterThanOrEqualTo(50);
        }
    }

    @Test
    void chartsDescribeTheirBarsInTheirAlternativeText() {
        assertThat(html).contains("alt=\"ingest: where the lines went. lines in: 10,000; quarantined: bad_json: 120;");
        assertThat(html).contains("cpu_family: chosen level 2, hierarchy height 3",
                "size 11–20 (66 records): 5", "(0.05, 0.1]: 66");
    }

    @Test
    void showsEveryVerificationCheckAndMarksTheFailedOne() {
        assertThat(html).contains("<td>k_anonymity</td>", "<td>no_direct_identifiers</td>",
                "<code>j***@e***.com</code>");
        assertThat(html).contains("<tr class=\"failed\"><td>no_direct_identifiers</td>");
        assertThat(html).contains("VERIFICATION FAILED (failed)", "1 of 2 checks passed");
    }

    @Test
    void escapesEveryTextFromTheModel() {
        assertThat(html).doesNotContain("<script").doesNotContain("alert('x')");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    }

    @Test
    void referencesNothingOutsideTheFile() {
        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("url(");
        assertThat(html.split("src=\"", -1)).allSatisfy(part -> assertThat(part).doesNotStartWith("/"));
        assertThat(html.replaceAll("src=\"data:image/png;base64,", "")).doesNotContain("src=");
        assertThat(html).contains("content=\"" + HtmlReport.CONTENT_SECURITY_POLICY + "\"");
    }

    @Test
    void anUnverifiedReleaseSaysSoInRedAndStillRenders() throws IOException {
        String unverified = HtmlReport.render(ReportFixtures.unverified());

        assertThat(unverified).contains("<div class=\"verdict bad\">NOT VERIFIED: do not release</div>");
        assertThat(unverified).contains("<p class=\"alert\">Not verified: reports/dt=2026-11-27/compliance.json");
        assertThat(unverified).contains("Class-size distribution not shown: the release is not verified.",
                "Risk distribution not shown: the release is not verified.");
        assertThat(ChartImages.in(unverified)).hasSize(5 + 4);
    }

    @Test
    void zeroCountReasonsAreListedAndAnUnbalancedFunnelIsFlagged() {
        assertThat(html).contains("None: erased, duplicates.", "Balanced: 10,000 in = 9,412 accepted + 588 set aside.");

        ReportModel model = ReportFixtures.verified();
        ReportModel unbalanced = new ReportModel(model.date(), model.runs(),
                List.of(new Funnel("ingest", "lines", 100, List.of(new Outflow("minors", 3)), "accepted", 90)),
                model.anonymization(), model.compliance(), model.products(), model.history());
        assertThat(HtmlReport.render(unbalanced)).contains("<p class=\"alert\">Does not balance: 100 in, but 90 kept");
    }

    @Test
    void withoutProductsItSaysWhichJobPublishesThem() {
        ReportModel model = ReportFixtures.unverified();
        String html = HtmlReport.render(new ReportModel(model.date(), model.runs(), model.funnels(),
                model.anonymization(), null, List.of(), model.history()));

        assertThat(html).contains("No statistics product is published for 2026-11-27 (run aggregate");
    }

    @Test
    void drawsClassSizesInRangesFromKWithThoseBelowKMarked() {
        assertThat(html).contains("size 10 (0 records): 0; size 11–20 (66 records): 5; size 21–50 (0 records): 0; "
                + "size 51–100 (0 records): 0; size 101–1,000 (420 records): 4.");
        assertThat(html).contains("3 distinct class sizes, drawn in ranges from k = 10");

        String failing = HtmlReport.render(ReportFixtures.withClassSizes(List.of(new ClassSize(4, 1, 4),
                new ClassSize(12, 2, 24))));
        assertThat(failing).contains("size 1–9, below k (4 records): 1; size 10 (0 records): 0; "
                + "size 11–20 (24 records): 2.");
    }

    @Test
    void showsIntervalLabelsAsPeopleWriteThemAndKeepsTheRawOneAsTitle() {
        assertThat(html).contains("<td title=\"[1024, 2048)\">1–2 GiB</td><td title=\"[16, 256)\">16–256 GiB</td>",
                "<td>*</td><td title=\"&gt;=65536\">≥ 64 TiB</td>");
        // Labels of other columns stay as published.
        assertThat(html).contains("<td>20.*</td><td>east</td>");
    }

    @Test
    void listsTheDaysReleasesWithTheirStatusOutputsAndRetractionNotices() {
        assertThat(html).contains("2 releases in the log; 2026-11-27-r2 stands.");
        assertThat(html).contains("<tr><td>2026-11-27-r1</td><td>2026-11-28T03:00:00Z</td><td>superseded</td>"
                + "<td>–</td><td>–</td><td>passed</td><td>device_profiles (microdata, internal): 487 rows</td>"
                + "<td>yes</td></tr>");
        assertThat(html).contains("<tr><td>2026-11-27-r2</td><td>2026-11-29T09:30:00Z</td><td>standing</td>"
                + "<td>2026-11-27-r1</td><td>erasure</td><td>passed</td><td>device_profiles (microdata, internal): "
                + "486 rows; os_adoption (statistics, affiliates): 14 rows</td><td>no</td></tr>");
        assertThat(html).doesNotContain("<p class=\"alert\">2026-11-27");
    }

    @Test
    void aSupersededReleaseWithoutANoticeIsFlagged() {
        ReportModel model = ReportFixtures.verified();
        History history = model.history();
        Release first = history.releasesOn(ReportFixtures.DAY).get(0);
        Release second = history.releasesOn(ReportFixtures.DAY).get(1);
        History flawed = new History(history.from(), history.to(), history.days(), List.of(
                new Release(first.id(), first.date(), first.created(), null, null, "passed", first.outputs(), false),
                second));

        String page = HtmlReport.render(withHistory(model, flawed));

        assertThat(page).contains("<p class=\"alert\">2026-11-27-r1 was superseded but has no retraction notice "
                + "(published/_retractions/2026-11-27-r1.json): its recipients were not told to delete it.</p>");
    }

    @Test
    void aDayOutsideTheReleaseLogSaysSo() throws IOException {
        ReportModel model = ReportFixtures.verified();
        History history = model.history();

        String page = HtmlReport.render(withHistory(model, new History(history.from(), history.to(), history.days(),
                List.of())));

        assertThat(page).contains("The release log (published/_releases/) holds no release of 2026-11-27 (a day "
                + "published before the pipeline kept the log has none).");
        assertThat(ChartImages.in(page)).hasSize(11);
    }

    @Test
    void summarisesThe30DaysAndListsEachDayThatHadAReleaseNewestFirst() {
        assertThat(html).contains("From 2026-10-29 to 2026-11-27, device profiles were published on 27 of 30 days; "
                + "no release on 2026-11-03 to 2026-11-04, 2026-11-15: gaps in the charts, not zeros.");
        assertThat(html).contains("Records published per day. 2026-10-29: 200; 2026-10-30: 210;",
                "2026-11-02: 240; 2026-11-03: no release; 2026-11-04: no release; 2026-11-05: 270;",
                "2026-11-26: 480; 2026-11-27: 486.");
        assertThat(html).contains("limit 2%.", "Chosen generalization level per day. 2026-10-29: region 1 of 2, "
                + "cpu_family 0 of 3;");
        assertThat(html).contains("<tr><td>2026-11-27</td><td class=\"num\">2</td><td class=\"num\">486</td>"
                + "<td>1.23%</td><td class=\"num\">0.3172</td><td class=\"num\">1</td><td>passed</td></tr>\n"
                + "<tr><td>2026-11-26</td><td>–</td><td class=\"num\">480</td>");
        assertThat(html).contains("<tr><td>2026-11-20</td><td class=\"num\">1</td>");
        assertThat(html).doesNotContain("<tr><td>2026-11-15</td>", "<tr><td>2026-11-03</td>");
    }

    private static ReportModel withHistory(ReportModel model, History history) {
        return new ReportModel(model.date(), model.runs(), model.funnels(), model.anonymization(), model.compliance(),
                model.products(), history);
    }
}
