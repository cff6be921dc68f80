package org.uepdeid.jobs.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uepdeid.jobs.layout.ReleaseBlockedException;
import org.uepdeid.jobs.config.ConfigException;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.manifest.DatasetCount;
import org.uepdeid.jobs.manifest.ManifestFile;
import org.uepdeid.jobs.manifest.RunManifest;
import org.uepdeid.jobs.release.Audience;
import org.uepdeid.jobs.release.FileDigests;
import org.uepdeid.jobs.release.ReleaseId;
import org.uepdeid.jobs.release.ReleaseLog;
import org.uepdeid.jobs.release.ReleaseRecord;
import org.uepdeid.jobs.release.ReleasedOutput;
import org.uepdeid.jobs.release.RetractionNotice;

/**
 * {@code share} on a data root laid out as the pipeline lays it out: an affiliate product, an internal product and
 * microdata, and internal zones holding a pseudonym. Only the affiliate output, its stripped manifest, the compliance
 * summary, the report and pending retraction notices reach the package, each listed with its SHA-256.
 */
class ShareJobTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    private static final String PSEUDONYM = "5f".repeat(32);
    private static final JsonMapper JSON = new JsonMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T06:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Path data;
    private DataRoot root;
    private final Configuration hadoop = new Configuration();
    private ReleaseLog log;

    @BeforeEach
    void aReleasedDay() throws IOException {
        data = dir.resolve("data");
        root = new DataRoot(data.toUri());
        log = new ReleaseLog(root, hadoop);
        write("staging/events/dt=" + DAY + "/part-00000.parquet", "device_pseudonym " + PSEUDONYM);
        write("quarantine/dt=" + DAY + "/part-00000.parquet", "raw line of " + PSEUDONYM);
        write("ledger/erasure/part-00000.parquet", PSEUDONYM);
        write("reports/dt=" + DAY + "/report.html", "<html>report</html>");
        log.append(record(ReleaseId.first(DAY), null, null));
    }

    @Test
    void thePackageHoldsOnlyAffiliateOutputsEachListedWithItsDigest() throws IOException {
        Path to = dir.resolve("to-affiliates");
        ShareJob.Shared shared = job().share(DAY, new org.apache.hadoop.fs.Path(to.toUri()));

        Path pack = to.resolve(DAY + "-r1");
        assertThat(Path.of(shared.folder().toUri())).isEqualTo(pack);
        assertThat(filesUnder(pack)).containsExactlyInAnyOrder("SHARE.json", "compliance.json", "report.html",
                "stats/os_adoption/dt=" + DAY + "/part-00000.parquet",
                "stats/os_adoption/dt=" + DAY + "/_manifest.json");
        JsonNode index = JSON.readTree(pack.resolve("SHARE.json").toFile());
        assertThat(index.get("release_id").asText()).isEqualTo(DAY + "-r1");
        FileDigests digests = new FileDigests(hadoop);
        Set<String> listed = new HashSet<>();
        for (JsonNode file : index.get("files")) {
            Path path = pack.resolve(file.get("path").asText());
            assertThat(digests.sha256(new org.apache.hadoop.fs.Path(path.toUri())))
                    .as("SHA-256 of %s", path).isEqualTo(file.get("sha256").asText());
            assertThat(Files.size(path)).isEqualTo(file.get("bytes").asLong());
            listed.add(file.get("path").asText());
        }
        assertThat(listed).hasSize(4).doesNotContain("SHARE.json");
        for (String file : filesUnder(pack)) {
            String text = Files.readString(pack.resolve(file), StandardCharsets.ISO_8859_1);
            assertThat(text).as(file).doesNotContain(PSEUDONYM).doesNotContain(data.toString())
                    .doesNotContain("staging/").doesNotContain("quarantine").doesNotContain("ledger");
        }
        JsonNode manifest = JSON.readTree(pack.resolve("stats/os_adoption/dt=" + DAY + "/_manifest.json").toFile());
        assertThat(manifest.get("inputs")).isEmpty();
        assertThat(manifest.at("/outputs/0/path").asText()).isEqualTo("stats/os_adoption/dt=" + DAY);
        assertThat(manifest.at("/verification/status").asText()).isEqualTo("passed");
        assertThat(manifest.at("/verification/report").asText()).isEqualTo("compliance.json");
        assertThat(filesUnder(data.resolve("published/_shares"))).as("the share is logged").hasSize(1);
    }

    @Test
    void aPublishedFileChangedSinceTheReleaseIsNotShared() throws IOException {
        write("published/stats/os_adoption/dt=" + DAY + "/part-00000.parquet", "cells, edited afterwards");
        assertThatThrownBy(() -> job().share(DAY, new org.apache.hadoop.fs.Path(dir.resolve("to").toUri())))
                .isInstanceOf(ReleaseBlockedException.class).hasMessageContaining("differs from what release");
        assertThat(dir.resolve("to")).doesNotExist();
    }

    @Test
    void aReleaseWithNothingForAffiliatesIsNotShared() throws IOException {
        LocalDate day = DAY.plusDays(1);
        write("published/microdata/device_profiles/dt=" + day + "/part-00000.parquet", "records");
        manifest("published/microdata/device_profiles/dt=" + day, Audience.INTERNAL, day);
        log.append(new ReleaseRecord(ReleaseId.first(day), CLOCK.instant(), null, null, "cd".repeat(32), "dev",
                "default", "passed", "reports/dt=" + day + "/compliance.json",
                List.of(output("published/microdata/device_profiles/dt=" + day, ReleasedOutput.MICRODATA))));
        assertThatThrownBy(() -> job().share(day, new org.apache.hadoop.fs.Path(dir.resolve("to").toUri())))
                .isInstanceOf(ReleaseBlockedException.class).hasMessageContaining("no output for affiliates");
        assertThatThrownBy(() -> job().share(DAY.minusDays(5), new org.apache.hadoop.fs.Path(dir.resolve("to")
                .toUri()))).isInstanceOf(ConfigException.class).hasMessageContaining("nothing is released");
    }

    @Test
    void aRetractionNoticeGoesToEachDestinationOnce() throws IOException {
        ReleaseRecord first = log.standing(DAY).orElseThrow();
        ReleaseRecord second = record(first.id().next(), first.id(), "erasure");
        log.append(second);
        log.retract(new RetractionNotice(first, second.id(), "erasure", CLOCK.instant()));

        Path to = dir.resolve("to-affiliates");
        ShareJob.Shared shared = job().share(DAY, new org.apache.hadoop.fs.Path(to.toUri()));
        assertThat(shared.release().id()).isEqualTo(second.id());
        assertThat(shared.notices()).containsExactly(first.id() + ".json");
        JsonNode notice = JSON.readTree(to.resolve(second.id() + "/retractions/" + first.id() + ".json").toFile());
        assertThat(notice.get("superseded_by").asText()).isEqualTo(second.id().toString());
        assertThat(notice.get("delete").get(0).get("files")).isNotEmpty();

        // The next day, shared to the same place: the notice went out already.
        LocalDate next = DAY.plusDays(1);
        publishAffiliateProduct(next);
        log.append(record(ReleaseId.first(next), null, null));
        assertThat(job().share(next, new org.apache.hadoop.fs.Path(to.toUri())).notices()).isEmpty();
        // Elsewhere it has not.
        assertThat(job().share(next, new org.apache.hadoop.fs.Path(dir.resolve("elsewhere").toUri())).notices())
                .containsExactly(first.id() + ".json");
    }

    private ShareJob job() {
        return new ShareJob(root, hadoop, CLOCK);
    }

    private ReleaseRecord record(ReleaseId id, ReleaseId supersedes, String reason) throws IOException {
        publishAffiliateProduct(id.date());
        return new ReleaseRecord(id, CLOCK.instant(), supersedes, reason, "cd".repeat(32), "dev", "default", "passed",
                "reports/dt=" + id.date() + "/compliance.json",
                List.of(output("published/stats/os_adoption/dt=" + id.date(), ReleasedOutput.STATISTICS),
                        output("published/stats/app_usage/dt=" + id.date(), ReleasedOutput.STATISTICS)));
    }

    /** An affiliate product and an internal one, as aggregate writes them after verify passed. */
    private void publishAffiliateProduct(LocalDate day) throws IOException {
        String shared = "published/stats/os_adoption/dt=" + day;
        String internal = "published/stats/app_usage/dt=" + day;
        if (Files.exists(data.resolve(shared))) {
            return;
        }
        write(shared + "/part-00000.parquet", "cells");
        manifest(shared, Audience.AFFILIATES, day);
        write(internal + "/part-00000.parquet", "exact cells");
        manifest(internal, Audience.INTERNAL, day);
    }

    private ReleasedOutput output(String path, String kind) throws IOException {
        RunManifest manifest = new ManifestFile(hadoop).read(new org.apache.hadoop.fs.Path(data.resolve(path)
                .toUri()));
        return new ReleasedOutput(path, Path.of(path).getParent().getFileName().toString(), kind,
                Audience.of(manifest.extra().get("audience").asText()).orElseThrow(), 3,
                new FileDigests(hadoop).of(new org.apache.hadoop.fs.Path(data.resolve(path).toUri())));
    }

    private void manifest(String folder, Audience audience, LocalDate day) throws IOException {
        ObjectNode verification = JsonNodeFactory.instance.objectNode().put("status", "passed")
                .put("report", "reports/dt=" + day + "/compliance.json");
        new ManifestFile(hadoop).write(new org.apache.hadoop.fs.Path(data.resolve(folder).toUri()), new RunManifest(
                "20261128T010000Z-abcdef12", "aggregate", day, "dev", "cd".repeat(32),
                List.of(new DatasetCount(data.resolve("staging/classes/dt=" + day).toUri().toString(), 300)),
                List.of(new DatasetCount(data.resolve(folder).toUri().toString(), 3)), null, null, verification,
                Map.of("audience", JsonNodeFactory.instance.textNode(audience.word()))));
    }

    private void write(String relative, String content) throws IOException {
        Path file = data.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static List<String> filesUnder(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                    .map(f -> folder.relativize(f).toString()).toList();
        }
    }
}
