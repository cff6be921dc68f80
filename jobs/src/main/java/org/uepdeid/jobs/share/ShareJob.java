package org.uepdeid.jobs.share;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.uepdeid.anonymizer.input.DocumentNode;
import org.uepdeid.jobs.layout.ReleaseBlockedException;
import org.uepdeid.jobs.config.ConfigException;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.layout.DocumentFolder;
import org.uepdeid.jobs.manifest.ManifestFile;
import org.uepdeid.jobs.manifest.RunManifest;
import org.uepdeid.jobs.release.Audience;
import org.uepdeid.jobs.release.FileDigests;
import org.uepdeid.jobs.release.ReleaseLog;
import org.uepdeid.jobs.release.ReleaseRecord;
import org.uepdeid.jobs.release.ReleasedFile;
import org.uepdeid.jobs.release.ReleasedOutput;
import org.uepdeid.jobs.report.ReportJob;

/**
 * Packages what affiliates may receive of a day: the affiliate outputs of its standing release, their manifests
 * without internal paths, the compliance summary of those outputs, the day's report, and every retraction notice not
 * yet sent to that destination; {@code SHARE.json} lists each file with its SHA-256. The package is written beside
 * its destination and renamed into place whole, and each share is logged in {@code published/_shares/} so that the
 * next one knows which notices went out.
 *
 * <p>Only files under {@code published/} and {@code reports/} are ever read: the internal zones (staging,
 * quarantine, landing, ledgers) cannot reach a package, whatever the release record says.
 */
public record ShareJob(DataRoot root, Configuration hadoop, Clock clock) {

    public static final String NAME = "share";
    static final String INDEX = "SHARE.json";
    static final String SHARES = "published/_shares";
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final Logger LOG = LoggerFactory.getLogger(ShareJob.class);

    /** One file of a package: its path in the package, length and SHA-256. */
    record PackagedFile(String path, long bytes, String sha256) {
    }

    /** What was shared: the package's folder and its files. */
    public record Shared(Path folder, ReleaseRecord release, List<String> files, List<String> notices) {
    }

    /**
     * Shares the standing release of {@code date} into {@code destination}/{@code <release_id>}.
     *
     * @throws ConfigException when the day has no release, or the package folder exists already
     * @throws ReleaseBlockedException when the release did not pass verify, its files changed since it was published,
     *                                 or there is nothing for affiliates in it
     */
    public Shared share(LocalDate date, Path given) throws IOException {
        // Parsing the text drops a trailing slash, so one destination is always spelt alike in the share log.
        Path destination = given.getFileSystem(hadoop).makeQualified(new Path(given.toString()));
        ReleaseLog log = new ReleaseLog(root, hadoop);
        ReleaseRecord release = log.standing(date).orElseThrow(() -> new ConfigException("share: nothing is "
                + "released for --date " + date + "; run the day first"));
        if (!"passed".equals(release.verification())) {
            throw new ReleaseBlockedException("release " + release.id() + " did not pass verify: not shared");
        }
        List<ReleasedOutput> outputs = release.outputsFor(Audience.AFFILIATES);
        for (ReleasedOutput output : outputs) {
            requireAsReleased(output, release);
        }
        String to = destination.toString();
        DocumentFolder shares = new DocumentFolder(new Path(root.path(), SHARES), hadoop);
        List<Path> notices = unsentNotices(log, shares, to);
        if (outputs.isEmpty() && notices.isEmpty()) {
            throw new ReleaseBlockedException("release " + release.id() + " has no output for affiliates (statistics "
                    + "are shared only when differentially private; microdata only when releases."
                    + "microdata_audience says affiliates) and no retraction notice is waiting: nothing to share");
        }
        FileSystem fs = destination.getFileSystem(hadoop);
        Path target = new Path(destination, release.id().toString());
        if (fs.exists(target)) {
            throw new ConfigException("share: " + target + " exists already; release " + release.id()
                    + " was shared there before (choose another --to to share it again)");
        }
        Path temporary = new Path(destination, "." + release.id() + "-" + UUID.randomUUID());
        Package pack = new Package(fs, temporary);
        try {
            for (ReleasedOutput output : outputs) {
                copyOutput(pack, output);
            }
            pack.writeJson("compliance.json", compliance(release, outputs));
            Path report = new Path(root.reports(date), ReportJob.FILE_NAME);
            if (exists(report)) {
                pack.copy(report, ReportJob.FILE_NAME);
            } else {
                LOG.warn("share {}: no report at {}; the package goes without one (run uep-deid report)", date,
                        report);
            }
            for (Path notice : notices) {
                pack.copy(notice, "retractions/" + notice.getName());
            }
            Instant now = clock.instant();
            pack.writeJson(INDEX, index(release, pack, notices, now));
            if (!fs.rename(temporary, target)) {
                throw new IOException("cannot rename " + temporary + " to " + target);
            }
            logShare(shares, release, to, pack, notices, now);
        } finally {
            if (fs.exists(temporary)) {
                fs.delete(temporary, true);
            }
        }
        LOG.info("share {}: release {} to {} ({} files, {} retraction notices)", date, release.id(), target,
                pack.files().size(), notices.size());
        return new Shared(target, release, pack.files().stream().map(PackagedFile::path).toList(),
                notices.stream().map(Path::getName).toList());
    }

    /** The output's files are those the release recorded, byte for byte, and its manifest says verify passed. */
    private void requireAsReleased(ReleasedOutput output, ReleaseRecord release) throws IOException {
        Path folder = shareable(output.path());
        List<ReleasedFile> now = new FileDigests(hadoop).of(folder);
        if (!now.equals(output.files())) {
            throw new ReleaseBlockedException(output.path() + " differs from what release " + release.id()
                    + " published (its files or their SHA-256): not shared; verify the day");
        }
        JsonNode verification = new ManifestFile(hadoop).read(folder).verification();
        if (verification == null || !"passed".equals(verification.path("status").asText())) {
            throw new ReleaseBlockedException(output.path() + ": its manifest does not record a passed verify: "
                    + "not shared");
        }
    }

    private void copyOutput(Package pack, ReleasedOutput output) throws IOException {
        Path folder = shareable(output.path());
        String into = output.path().substring("published/".length());
        for (ReleasedFile file : output.files()) {
            if (file.name().equals(RunManifest.FILE_NAME)) {
                pack.writeJson(into + "/" + RunManifest.FILE_NAME, strippedManifest(folder, into));
            } else {
                pack.copy(new Path(folder, file.name()), into + "/" + file.name());
            }
        }
    }

    /** The manifest as recipients see it: no internal locations (inputs, the data root), the verdict kept. */
    private ObjectNode strippedManifest(Path folder, String into) throws IOException {
        ObjectNode manifest = (ObjectNode) JSON.readTree(new ManifestFile(hadoop).read(folder).toJson());
        manifest.putArray("inputs");
        for (JsonNode output : manifest.path("outputs")) {
            ((ObjectNode) output).put("path", into);
        }
        if (manifest.path("verification").isObject()) {
            ((ObjectNode) manifest.get("verification")).put("report", "compliance.json");
        }
        return manifest;
    }

    private static ObjectNode compliance(ReleaseRecord release, List<ReleasedOutput> outputs) {
        ObjectNode json = JSON.createObjectNode();
        json.put("release_id", release.id().toString());
        json.put("date", release.date().toString());
        json.put("status", release.verification());
        ArrayNode list = json.putArray("outputs");
        outputs.forEach(o -> list.addObject().put("path", o.path().substring("published/".length()))
                .put("rows", o.rows()).put("status", "passed"));
        return json;
    }

    private ObjectNode index(ReleaseRecord release, Package pack, List<Path> notices, Instant now) {
        ObjectNode json = JSON.createObjectNode();
        json.put("release_id", release.id().toString());
        json.put("date", release.date().toString());
        json.put("shared_at", now.toString());
        json.put("supersedes", release.supersedes() == null ? null : release.supersedes().toString());
        ArrayNode files = json.putArray("files");
        pack.files().forEach(f -> files.addObject().put("path", f.path()).put("bytes", f.bytes())
                .put("sha256", f.sha256()));
        ArrayNode retractions = json.putArray("retraction_notices");
        notices.forEach(n -> retractions.add("retractions/" + n.getName()));
        json.put("note", "Statistics of " + release.date() + " from release " + release.id() + ". Each file's "
                + "SHA-256 is listed above. Retraction notices list releases to delete: act on them.");
        return json;
    }

    /** Retraction notices of releases that had affiliate outputs and that no earlier share sent to {@code to}. */
    private List<Path> unsentNotices(ReleaseLog log, DocumentFolder shares, String to) throws IOException {
        Set<String> sent = new HashSet<>();
        for (String name : shares.names()) {
            DocumentNode share = DocumentNode.parse(shares.read(name), shares.path(name).toString(),
                    DocumentNode.Format.JSON).mapping();
            if (to.equals(share.get("to").text())) {
                share.get("retraction_notices").list().forEach(n -> sent.add(n.text()));
            }
        }
        List<Path> notices = new ArrayList<>();
        for (ReleaseLog.PublishedNotice notice : log.retractionNotices(LocalDate.MIN, LocalDate.MAX)) {
            if (notice.audiences().contains(Audience.AFFILIATES) && !sent.contains(notice.path().getName())) {
                notices.add(notice.path());
            }
        }
        return notices;
    }

    private static void logShare(DocumentFolder shares, ReleaseRecord release, String to, Package pack,
                                 List<Path> notices, Instant now) throws IOException {
        ObjectNode json = JSON.createObjectNode();
        json.put("release_id", release.id().toString());
        json.put("to", to);
        json.put("shared_at", now.toString());
        ArrayNode files = json.putArray("files");
        pack.files().forEach(f -> files.addObject().put("path", f.path()).put("sha256", f.sha256()));
        ArrayNode sent = json.putArray("retraction_notices");
        notices.forEach(n -> sent.add(n.getName()));
        shares.writeOnce(release.id() + "-" + now.toEpochMilli() + "-" + UUID.randomUUID().toString().substring(0, 8),
                json);
    }

    /** A location of the data root that a package may be built from: under published/ or reports/ only. */
    private Path shareable(String relative) {
        if (!(relative.startsWith("published/microdata/") || relative.startsWith("published/stats/"))
                || relative.contains("..")) {
            throw new IllegalStateException("refusing to share " + relative + ": only published outputs are shared");
        }
        return new Path(root.path(), relative);
    }

    private boolean exists(Path file) throws IOException {
        return file.getFileSystem(hadoop).exists(file);
    }

    /** The package being written: its files, each with the SHA-256 of what was written. */
    private final class Package {
        private final FileSystem fs;
        private final Path folder;
        private final List<PackagedFile> files = new ArrayList<>();

        Package(FileSystem fs, Path folder) {
            this.fs = fs;
            this.folder = folder;
        }

        void copy(Path source, String as) throws IOException {
            Path target = new Path(folder, as);
            FileUtil.copy(source.getFileSystem(hadoop), source, fs, target, false, hadoop);
            added(as, target);
        }

        void writeJson(String as, JsonNode json) throws IOException {
            Path target = new Path(folder, as);
            try (OutputStream out = fs.create(target, false)) {
                out.write(JSON.writeValueAsBytes(json));
            }
            added(as, target);
        }

        private void added(String as, Path target) throws IOException {
            if (!as.equals(INDEX)) {
                files.add(new PackagedFile(as, fs.getFileStatus(target).getLen(),
                        new FileDigests(hadoop).sha256(target)));
            }
        }

        List<PackagedFile> files() {
            return List.copyOf(files);
        }
    }
}
