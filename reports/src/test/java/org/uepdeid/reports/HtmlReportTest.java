package org.uepdeid.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rendered document: every section, every chart drawn, the verification table, and nothing unescaped. */
class HtmlReportTest {

    private final String html = HtmlReport.render(ReportFixtures.verified());

    @Test
    void hasEverySection() {
        HtmlReport.SECTIONS.forEach(id -> assertThat(html).contains("<section id=\"" + id + "\">"));
    }

    @Test
    void everyChartIsAnInlinePngThatDrawsSomething() throws IOException {
        List<BufferedImage> charts = ChartImages.in(html);

        // Two funnels, the levels, class sizes, risk profile, risk distribution, suppression and loss.
        assertThat(charts).hasSize(7);
        for (BufferedImage chart : charts) {
            assertThat(chart.getWidth()).isEqualTo(BarChart.WIDTH * BarChart.PIXEL_RATIO);
            assertThat(ChartImages.colours(chart, 50)).as("distinct colours").isGreaterThanOrEqualTo(50);
        }
    }

    @Test
    void chartsDescribeTheirBarsInTheirAlternativeText() {
        assertThat(html).contains("alt=\"ingest: where the lines went. lines in: 10,000; quarantined: bad_json: 120;");
        assertThat(html).contains("cpu_family: chosen level 2, hierarchy height 3",
                "size 50+ (420 records): 4", "(0.05, 0.1]: 66");
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
        assertThat(ChartImages.in(unverified)).hasSize(5);
    }

    @Test
    void zeroCountReasonsAreListedAndAnUnbalancedFunnelIsFlagged() {
        assertThat(html).contains("None: erased, duplicates.", "Balanced: 10,000 in = 9,412 accepted + 588 set aside.");

        ReportModel model = ReportFixtures.verified();
        ReportModel unbalanced = new ReportModel(model.date(), model.runs(),
                List.of(new Funnel("ingest", "lines", 100, List.of(new Outflow("minors", 3)), "accepted", 90)),
                model.anonymization(), model.compliance(), model.products());
        assertThat(HtmlReport.render(unbalanced)).contains("<p class=\"alert\">Does not balance: 100 in, but 90 kept");
    }

    @Test
    void withoutProductsItSaysWhichJobPublishesThem() {
        ReportModel model = ReportFixtures.unverified();
        String html = HtmlReport.render(new ReportModel(model.date(), model.runs(), model.funnels(),
                model.anonymization(), null, List.of()));

        assertThat(html).contains("No statistics product is published for 2026-11-27 (run aggregate");
    }
}
