package org.uepdeid.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report in a real browser, headless Chromium: it loads without a single console message (no script error, no
 * blocked request: its content security policy turns any attempt to load something into one), paints its charts,
 * draws the 30 days with a point per published day and a gap for a missing one, and keeps a large day's page short.
 * Skipped, saying so, where {@code /usr/bin/chromium} is absent; CI installs it.
 */
class HtmlReportInChromiumTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final long TIMEOUT_SECONDS = 120;

    @TempDir
    Path dir;

    @BeforeEach
    void needsChromium() {
        assumeTrue(Files.isExecutable(CHROMIUM), "skipped: " + CHROMIUM + " is absent; install the Debian package "
                + "chromium (.ci/run does) to check the report in a browser");
    }

    @Test
    void loadsWithoutConsoleMessagesAndKeepsEveryChart() throws Exception {
        Browser run = chromium(page("report.html", HtmlReport.render(ReportFixtures.verified())), "--dump-dom");

        assertThat(run.consoleMessages()).isEmpty();
        HtmlReport.SECTIONS.forEach(id -> assertThat(run.stdout()).contains("<section id=\"" + id + "\">"));
        assertThat(run.stdout().split("<img class=\"chart\" src=\"data:image/png;base64,iVBOR", -1)).hasSize(11 + 1);
    }

    @Test
    void showsThe30DaysWithAPointPerDayThatHadAReleaseAndAGapWhereNoneHad() throws Exception {
        // The fixture's 30 days lack 2026-11-03, 2026-11-04 and 2026-11-15.
        Browser run = chromium(page("report.html", HtmlReport.render(ReportFixtures.verified())), "--dump-dom");

        assertThat(run.stdout()).contains("<section id=\"trends\">");
        for (String title : List.of("Records published per day", "Records suppressed per day",
                "Information loss per day (loss)")) {
            BufferedImage chart = chartTitled(run.stdout(), title);
            List<Double> points = TrendChartTest.points(chart);
            assertThat(points).as(title + ": a point per published day").hasSize(History.DAYS - 3);
            // From 11-02 to 11-05 three days' distance, from 11-14 to 11-16 two: nothing drawn in between.
            assertThat(TrendChartTest.gapsBetween(points)).as(title + ": gaps").containsExactly(3.0, 2.0);
            assertThat(ChartImages.columnStretches(chart, ChartImages::blue)).as(title + ": line pieces").isEqualTo(3);
        }
        BufferedImage levels = chartTitled(run.stdout(), "Chosen generalization level per day");
        assertThat(ChartImages.colours(levels, 50)).isGreaterThanOrEqualTo(50);
        assertThat(run.stdout()).contains("2026-11-03: no release; 2026-11-04: no release;",
                "no release on 2026-11-03 to 2026-11-04, 2026-11-15");
    }

    @Test
    void theChartsOfThe30DaysArePaintedOnThePage() throws Exception {
        ReportModel model = ReportFixtures.verified();
        String trendsOnly = HtmlReport.render(model).replaceAll("(?s)<section id=\"(?!trends\")[a-z]+\">.*?</section>",
                "");
        Path shot = dir.resolve("trends.png");
        chromium(page("trends.html", trendsOnly), "--hide-scrollbars", "--window-size=1200,2600",
                "--screenshot=" + shot);

        // Only the trend section is left: the points' colour is on the page only where Chromium drew its charts.
        BufferedImage page = ImageIO.read(shot.toFile());
        assertThat(ChartImages.blobs(page, ChartImages.near(TrendChartTest.POINT), 12).size())
                .isGreaterThanOrEqualTo(3 * (History.DAYS - 3));
    }

    @Test
    void aLargeDaysPageIsLessThanAThirdAsLongAsWithOneBarPerClassSize() throws Exception {
        ReportModel model = ReportFixtures.withClassSizes(LargeDay.classSizes());
        String ours = HtmlReport.render(model);
        String before = oneBarPerClassSize(ours, model);

        int oursHigh = pageHeight("ours.html", ours);
        int beforeHigh = pageHeight("before.html", before);

        assertThat(beforeHigh).as("the page as before").isGreaterThan(LargeDay.DISTINCT_SIZES * 24);
        assertThat(oursHigh * 3).as("ours (%d px) against before (%d px)", oursHigh, beforeHigh)
                .isLessThan(beforeHigh);
    }

    @Test
    void paintsTheChartsOnThePage() throws Exception {
        Path shot = dir.resolve("report.png");
        chromium(page("report.html", HtmlReport.render(ReportFixtures.verified())), "--hide-scrollbars",
                "--window-size=1200,2400", "--screenshot=" + shot);

        // The bars' colour only appears where Chromium decoded and drew a chart image.
        assertThat(ChartImages.pixelsNear(ImageIO.read(shot.toFile()), 0x2f5f9e)).isGreaterThan(2_000);
    }

    @Test
    void theConsoleCheckSeesABlockedRequest() throws Exception {
        // The same policy as the report: the browser refuses the image and says so on the console, offline.
        String page = "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" content=\""
                + HtmlReport.CONTENT_SECURITY_POLICY + "\"><title>t</title></head><body>"
                + "<img src=\"https://example.invalid/x.png\"></body></html>";

        assertThat(chromium(page("blocked.html", page), "--dump-dom").consoleMessages()).isNotEmpty();
    }

    /**
     * The page as the report drew it before class sizes were grouped: one bar per size in the class-size chart, and
     * neither the releases nor the 30 days, which it did not have. The chart's image is a stand-in of the same
     * proportions (a real one, 940 by 72,000 pixels at twice the size, would not fit in memory), so the page lays
     * out exactly as with it.
     */
    private static String oneBarPerClassSize(String ours, ReportModel model) throws IOException {
        List<ClassSize> sizes = model.compliance().distributions().classSizes();
        // The chart as it was drawn then: 96 pixels of frame and 24 a bar.
        int height = 96 + 24 * sizes.size();
        Matcher chart = Pattern.compile("(?s)(<section id=\"classes\">.*?)<img class=\"chart\"[^>]*>").matcher(ours);
        assertThat(chart.find()).isTrue();
        String img = "<img class=\"chart\" src=\"" + standIn(Chart.WIDTH, height) + "\" alt=\"\" width=\""
                + Chart.WIDTH + "\" height=\"" + height + "\">";
        String before = ours.substring(0, chart.start()) + chart.group(1) + img + ours.substring(chart.end());
        return before.replaceAll("(?s)<section id=\"(releases|trends)\">.*?</section>\n", "");
    }

    /** A blank PNG of a tenth of the size, which the browser scales to {@code width} by {@code height}. */
    private static String standIn(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width / 10, Math.round(height / 10f), BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    }

    /**
     * The height Chromium lays the page out at, 1200 pixels wide. The report forbids scripts; the copy measured here
     * drops that policy and adds one line that writes the height into the title, which changes nothing in the layout.
     */
    private int pageHeight(String name, String html) throws IOException, InterruptedException {
        String measured = html.replace("<meta http-equiv=\"Content-Security-Policy\" content=\""
                + HtmlReport.CONTENT_SECURITY_POLICY + "\">\n", "").replace("</body>",
                "<script>document.title = 'height ' + document.documentElement.scrollHeight;</script></body>");
        assertThat(measured).doesNotContain("Content-Security-Policy");
        Browser run = chromium(page(name, measured), "--window-size=1200,900", "--dump-dom");
        Matcher height = Pattern.compile("<title>height ([0-9]+)</title>").matcher(run.stdout());
        assertThat(height.find()).as("the measured height in %s", run.stdout().lines().limit(8).toList()).isTrue();
        return Integer.parseInt(height.group(1));
    }

    /** The chart whose alternative text starts with {@code title}, decoded from the page as Chromium holds it. */
    private static BufferedImage chartTitled(String dom, String title) throws IOException {
        Matcher chart = Pattern.compile("<img class=\"chart\" src=\"data:image/png;base64,([^\"]*)\" alt=\""
                + Pattern.quote(title) + "\\.").matcher(dom);
        assertThat(chart.find()).as("a chart titled " + title).isTrue();
        return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(chart.group(1))));
    }

    private Path page(String name, String html) throws IOException {
        return Files.writeString(dir.resolve(name), html, StandardCharsets.UTF_8);
    }

    private Browser chromium(Path page, String... action) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + dir.resolve("profile"),
                "--enable-logging=stderr", "--v=0"));
        command.addAll(List.of(action));
        command.add(page.toUri().toString());
        File out = dir.resolve("chromium.out").toFile();
        File err = dir.resolve("chromium.err").toFile();
        Process process = new ProcessBuilder(command).redirectOutput(out).redirectError(err).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
        }
        Browser run = new Browser(Files.readString(out.toPath()), Files.readString(err.toPath()));
        assertThat(process.exitValue()).as("chromium exit code; stderr:%n%s", run.stderr()).isZero();
        return run;
    }

    /** What Chromium printed: the page (for --dump-dom) and its log. */
    private record Browser(String stdout, String stderr) {

        /** The page's console: Chromium logs every message, error or not, as {@code INFO:CONSOLE}. */
        List<String> consoleMessages() {
            return stderr.lines().filter(l -> l.contains(":CONSOLE") || l.contains("Uncaught")).toList();
        }
    }
}
