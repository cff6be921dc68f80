package org.uepdeid.jobs.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.manifest.ManifestFile;
import org.uepdeid.jobs.manifest.RunManifest;
import org.uepdeid.jobs.release.ReleaseLog;
import org.uepdeid.jobs.release.ReleaseRecord;
import org.uepdeid.reports.Anonymization;
import org.uepdeid.reports.History;
import org.uepdeid.reports.PublishedDay;
import org.uepdeid.reports.Release;

/**
 * The {@value History#DAYS} days up to a report's day, from what is published about them: the microdata manifest of
 * each day that has one (a day without one had no release), the number of statistics products beside it, and the
 * release log. Only manifests and log files are read, never the data beside them.
 */
record ReleaseHistory(DataRoot root, Configuration hadoop) {

    /**
     * The history ending on {@code date}.
     *
     * @throws IllegalArgumentException naming the file and key when a manifest or release file is malformed
     */
    History read(LocalDate date) throws IOException {
        LocalDate from = date.minusDays(History.DAYS - 1);
        ManifestFile manifests = new ManifestFile(hadoop);
        List<PublishedDay> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(date); day = day.plusDays(1)) {
            Path folder = root.publishedDeviceProfiles(day);
            Path file = new Path(folder, RunManifest.FILE_NAME);
            if (!file.getFileSystem(hadoop).exists(file)) {
                continue;
            }
            RunManifest manifest = manifests.read(folder);
            Anonymization anonymization = PrivacySection.read(manifest, null, file.toString());
            Map<String, RunManifest> products = DayManifests.products(root, day, hadoop, manifests);
            days.add(new PublishedDay(day, anonymization.suppression(), anonymization.informationLoss(),
                    anonymization.levels(), products.size(), verificationStatus(manifest), budgetSpent(products)));
        }
        return new History(from, date, days, releases(from, date));
    }

    /** The window's releases as the release log holds them, each saying whether its retraction notice exists. */
    private List<Release> releases(LocalDate from, LocalDate to) throws IOException {
        ReleaseLog log = new ReleaseLog(root, hadoop);
        Set<String> retracted = new HashSet<>();
        log.retractionNotices(from, to).forEach(n -> retracted.add(n.path().getName()));
        List<Release> releases = new ArrayList<>();
        for (ReleaseRecord r : log.between(from, to)) {
            releases.add(new Release(r.id().toString(), r.date(), r.created().toString(),
                    r.supersedes() == null ? null : r.supersedes().toString(), r.reason(), r.verification(),
                    r.outputs().stream().map(o -> new Release.Output(o.product(), o.kind(), o.audience().word(),
                            o.rows())).toList(), retracted.contains(r.id() + ".json")));
        }
        return releases;
    }

    /**
     * What the statistics' manifests say the window ending on the day had spent (the same for every product of a
     * release; the most, should they differ), or empty when they are exact.
     */
    private static Optional<PublishedDay.BudgetSpent> budgetSpent(Map<String, RunManifest> products) {
        Optional<PublishedDay.BudgetSpent> most = Optional.empty();
        for (RunManifest product : products.values()) {
            JsonNode dp = product.privacy() == null ? null : product.privacy().get("differential_privacy");
            if (dp != null && dp.path("spent").path("epsilon").isNumber()) {
                PublishedDay.BudgetSpent spent = new PublishedDay.BudgetSpent(dp.path("spent").path("epsilon")
                        .asDouble(), dp.path("budget").path("epsilon").asDouble());
                if (most.isEmpty() || spent.spent() > most.get().spent()) {
                    most = Optional.of(spent);
                }
            }
        }
        return most;
    }

    /** The status the run recorded in the manifest's {@code verification} section, or {@code null}. */
    private static String verificationStatus(RunManifest manifest) {
        JsonNode verification = manifest.verification();
        return verification != null && verification.path("status").isTextual()
                ? verification.path("status").asText() : null;
    }
}
