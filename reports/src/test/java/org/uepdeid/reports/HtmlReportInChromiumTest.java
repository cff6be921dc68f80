package org.uepdeid.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report in a real browser, headless Chromium: it loads without a single console message (no script error, no
 * blocked request: its content security policy turns any attempt to load something into one) and paints its charts.
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
        assertThat(run.stdout().split("<img class=\"chart\" src=\"data:image/png;base64,iVBOR", -1)).hasSize(7 + 1);
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
