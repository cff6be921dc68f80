package org.uepdeid.reports;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything one day's report shows, gathered from run manifests, {@code compliance.json} and the published
 * statistics: counts, labels, levels and masked samples, never a record of staging or landing.
 *
 * @param runs         the job runs the figures come from, in pipeline order
 * @param funnels      where the input of each job went, in pipeline order
 * @param compliance   what {@code verify} found, or {@code null} when the release has not been verified
 * @param products     the day's published statistics products, possibly none
 * @param history      the releases of the {@value History#DAYS} days up to {@code date}
 */
public record ReportModel(LocalDate date, List<JobRun> runs, List<Funnel> funnels, Anonymization anonymization,
                          Compliance compliance, List<ProductPreview> products, History history) {

    public ReportModel {
        Require.present("date", date);
        Require.present("anonymization", anonymization);
        runs = List.copyOf(runs);
        funnels = List.copyOf(funnels);
        products = List.copyOf(products);
        Require.present("history", history);
        if (!history.to().equals(date)) {
            throw new IllegalArgumentException("report: the history ends on " + history.to() + ", not on the "
                    + "report's day " + date);
        }
    }

    /** Whether {@code verify} ran on this release. */
    public boolean verified() {
        return compliance != null;
    }
}
