package org.uepdeid.jobs.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Published days and release-log files of a data root, written the way the pipeline writes them: a day's microdata
 * manifest is the hand-written fixture of {@link ReportDay} moved to another day, with its row counts changed.
 */
final class HistoryDays {

    private static final String MICRODATA = "day/published/microdata/device_profiles/dt=2026-11-27/_manifest.json";
    private static final String PRODUCT = "day/published/stats/os_adoption/dt=2026-11-27/_manifest.json";

    private HistoryDays() {
    }

    /**
     * The day's microdata manifest, as {@code run} leaves it: {@code rows} published, {@code suppressed} of them
     * suppressed, verification passed.
     */
    static void publish(Path root, LocalDate day, long rows, long suppressed) throws IOException {
        String manifest = fixture(MICRODATA).replace("2026-11-27", day.toString())
                .replace("\"accepted\" : 196", "\"accepted\" : " + rows)
                .replace("\"suppressed_records\" : 3", "\"suppressed_records\" : " + suppressed)
                .replace("\"verification\" : null", "\"verification\" : {\"status\" : \"passed\", \"report\" : "
                        + "\"reports/dt=" + day + "/compliance.json\", \"checks\" : []}");
        write(root.resolve("published/microdata/device_profiles/dt=" + day + "/_manifest.json"), manifest);
    }

    /** A statistics product's manifest for the day. */
    static void product(Path root, LocalDate day, String product) throws IOException {
        write(root.resolve("published/stats/" + product + "/dt=" + day + "/_manifest.json"),
                fixture(PRODUCT).replace("2026-11-27", day.toString()).replace("os_adoption", product));
    }

    /** {@code published/_releases/<id>.json} as the release log's contract gives it. */
    static Path release(Path root, String id, LocalDate day, String status, String supersedes, String reason)
            throws IOException {
        String json = "{\"release_id\": \"" + id + "\", \"date\": \"" + day + "\", "
                + "\"created\": \"2026-11-28T03:00:00Z\", \"supersedes\": " + quoted(supersedes) + ", "
                + "\"reason\": " + quoted(reason) + ", \"status\": \"" + status + "\", "
                + "\"config_sha256\": \"" + "ab".repeat(32) + "\", \"code_version\": \"0.1.0\", "
                + "\"key_id\": \"default\", \"verification\": \"passed\", "
                + "\"outputs\": [{\"path\": \"published/microdata/device_profiles/dt=" + day + "\", "
                + "\"product\": \"device_profiles\", \"kind\": \"microdata\", \"audience\": \"internal\", "
                + "\"rows\": 9876, \"files\": [{\"name\": \"part-00000.parquet\", \"bytes\": 12345, "
                + "\"sha256\": \"" + "cd".repeat(32) + "\"}]}]}";
        Path file = root.resolve("published/_releases/" + id + ".json");
        write(file, json);
        return file;
    }

    /** {@code published/_retractions/<id>.json}. */
    static void retraction(Path root, String id) throws IOException {
        write(root.resolve("published/_retractions/" + id + ".json"), "{\"release_id\": \"" + id + "\"}");
    }

    private static String quoted(String text) {
        return text == null ? "null" : "\"" + text + "\"";
    }

    private static String fixture(String path) {
        try (InputStream in = HistoryDays.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
