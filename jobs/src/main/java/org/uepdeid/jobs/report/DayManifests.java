package org.uepdeid.jobs.report;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.uepdeid.jobs.anonymize.AnonymizeJob;
import org.uepdeid.jobs.config.ConfigException;
import org.uepdeid.jobs.ingest.IngestJob;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.manifest.ManifestFile;
import org.uepdeid.jobs.manifest.RunManifest;
import org.uepdeid.jobs.profile.ProfileJob;

/**
 * The run manifests of one day that the report is drawn from: ingest's (beside staging/events), profile's,
 * anonymize's (beside the published microdata) and one per published statistics product. Only the manifests are
 * read here, never the data beside them.
 *
 * @param products by product name, sorted
 */
record DayManifests(RunManifest ingest, RunManifest profile, RunManifest anonymize,
                    Map<String, RunManifest> products) {

    DayManifests {
        products = Collections.unmodifiableMap(new TreeMap<>(products));
    }

    /**
     * Reads the day's manifests.
     *
     * @throws ConfigException naming every missing manifest and the job to run first, before anything is read
     */
    static DayManifests read(DataRoot root, LocalDate date, Configuration hadoop) throws IOException {
        Map<String, Path> required = Map.of(IngestJob.NAME, root.stagingEvents(date), ProfileJob.NAME,
                root.stagingProfiles(date), AnonymizeJob.NAME, root.publishedDeviceProfiles(date));
        List<String> missing = new ArrayList<>();
        for (String job : List.of(IngestJob.NAME, ProfileJob.NAME, AnonymizeJob.NAME)) {
            Path file = new Path(required.get(job), RunManifest.FILE_NAME);
            if (!file.getFileSystem(hadoop).exists(file)) {
                missing.add(file + " does not exist; run " + job + " first");
            }
        }
        if (!missing.isEmpty()) {
            throw new ConfigException("cannot report on --date " + date + ": " + String.join("; ", missing));
        }
        ManifestFile manifests = new ManifestFile(hadoop);
        return new DayManifests(manifests.read(required.get(IngestJob.NAME)),
                manifests.read(required.get(ProfileJob.NAME)), manifests.read(required.get(AnonymizeJob.NAME)),
                products(root, date, hadoop, manifests));
    }

    /** Every {@code published/stats/<product>/dt=D}; a product without that day's partition did not publish it. */
    static Map<String, RunManifest> products(DataRoot root, LocalDate date, Configuration hadoop,
                                             ManifestFile manifests) throws IOException {
        Path stats = new Path(root.path(), "published/stats");
        FileSystem fs = stats.getFileSystem(hadoop);
        Map<String, RunManifest> products = new TreeMap<>();
        if (!fs.exists(stats)) {
            return products;
        }
        for (FileStatus entry : fs.listStatus(stats)) {
            String name = entry.getPath().getName();
            // Names starting with _ or . are a publisher's temporary folders, not products.
            if (!entry.isDirectory() || name.startsWith("_") || name.startsWith(".")) {
                continue;
            }
            Path partition = root.publishedStats(name, date);
            if (!fs.exists(partition)) {
                continue;
            }
            if (!fs.exists(new Path(partition, RunManifest.FILE_NAME))) {
                throw new ConfigException(partition + " has no " + RunManifest.FILE_NAME
                        + ": it was not published by aggregate; run aggregate again");
            }
            products.put(name, manifests.read(partition));
        }
        return products;
    }
}
