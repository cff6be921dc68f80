package org.uepdeid.jobs.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.hadoop.conf.Configuration;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.release.Audience;
import org.uepdeid.jobs.release.ReleaseId;
import org.uepdeid.jobs.release.ReleaseLog;
import org.uepdeid.jobs.release.ReleaseRecord;
import org.uepdeid.jobs.release.ReleasedFile;
import org.uepdeid.jobs.release.ReleasedOutput;
import org.uepdeid.jobs.release.RetractionNotice;

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

    /** {@code published/_releases/<id>.json}, written by the release log itself. */
    static Path release(Path root, String id, LocalDate day, String supersedes, String reason) throws IOException {
        ReleaseId release = ReleaseId.parse(id).orElseThrow();
        new ReleaseLog(new DataRoot(root.toUri()), new Configuration()).append(new ReleaseRecord(release,
                Instant.parse("2026-11-28T03:00:00Z"), supersedes == null ? null : ReleaseId.parse(supersedes)
                .orElseThrow(), reason, "ab".repeat(32), "0.1.0", "default", "passed",
                "reports/dt=" + day + "/compliance.json", List.of(new ReleasedOutput(
                        "published/microdata/device_profiles/dt=" + day, "device_profiles", ReleasedOutput.MICRODATA,
                        Audience.INTERNAL, 9876, List.of(new ReleasedFile("part-00000.parquet", 12345,
                        "cd".repeat(32)))))));
        return root.resolve("published/_releases/" + id + ".json");
    }

    /** Edits a release file as a tamperer could, dropping the local file system's checksum beside it. */
    static void edit(Path file, UnaryOperator<String> change) throws IOException {
        Files.writeString(file, change.apply(Files.readString(file)));
        Files.deleteIfExists(file.resolveSibling("." + file.getFileName() + ".crc"));
    }

    /** {@code published/_retractions/<id>.json}, for the release {@code id} written before, by the release log. */
    static void retraction(Path root, String id) throws IOException {
        ReleaseId release = ReleaseId.parse(id).orElseThrow();
        ReleaseLog log = new ReleaseLog(new DataRoot(root.toUri()), new Configuration());
        ReleaseRecord retracted = log.history(release.date()).stream().filter(r -> r.id().equals(release))
                .findFirst().orElseThrow();
        log.retract(new RetractionNotice(retracted, release.next(), "erasure", Instant.parse("2026-11-29T03:00:00Z")));
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
