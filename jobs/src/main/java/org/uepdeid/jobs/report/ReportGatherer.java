package org.uepdeid.jobs.report;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.uepdeid.jobs.anonymize.AnonymizeJob;
import org.uepdeid.jobs.config.AggregatesSection;
import org.uepdeid.jobs.ingest.IngestJob;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.manifest.Accounting;
import org.uepdeid.jobs.manifest.DatasetCount;
import org.uepdeid.jobs.manifest.RunManifest;
import org.uepdeid.jobs.profile.ProfileJob;
import org.uepdeid.reports.Funnel;
import org.uepdeid.reports.JobRun;
import org.uepdeid.reports.Outflow;
import org.uepdeid.reports.ProductPreview;
import org.uepdeid.reports.ReportModel;

/**
 * Builds a day's {@link ReportModel} from what the pipeline publishes about itself: the run manifests (the day's, and
 * the microdata and statistics manifests of the days before it), {@code compliance.json}, the release log and the
 * published statistics. It reads no data from landing or staging, only the
 * manifests stored beside them, and copies no path or value out of them: counts, labels and levels only.
 *
 * @param productRows how many rows of each statistics product to show
 * @param aggregates  the statistics' differential privacy, for the noisy cells' intervals
 */
record ReportGatherer(SparkSession spark, DataRoot root, int productRows, AggregatesSection aggregates) {

    /**
     * What a job counts, what its kept units become, and what its duplicates are.
     *
     * @param filters whether the job applies the consent, minors and erasure filters; a job that does not shows
     *                them only if its manifest counts some
     */
    private record Stage(String job, String unit, String keptLabel, String duplicatesLabel, boolean filters) {
    }

    private static final List<Stage> STAGES = List.of(
            new Stage(IngestJob.NAME, "lines", "accepted", "duplicates", true),
            new Stage(ProfileJob.NAME, "device_profile events", "device profiles", "superseded by a later profile",
                    false),
            new Stage(AnonymizeJob.NAME, "devices", "published rows", "duplicates", false));

    ReportModel gather(LocalDate date) throws IOException {
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        DayManifests day = DayManifests.read(root, date, hadoop);
        ComplianceDocument compliance = compliance(date, hadoop);
        Map<String, RunManifest> byJob = Map.of(IngestJob.NAME, day.ingest(), ProfileJob.NAME, day.profile(),
                AnonymizeJob.NAME, day.anonymize());

        List<JobRun> runs = new ArrayList<>();
        List<Funnel> funnels = new ArrayList<>();
        for (Stage stage : STAGES) {
            RunManifest manifest = byJob.get(stage.job());
            runs.add(run(stage.job(), manifest));
            if (manifest.accounting() != null) {
                funnels.add(funnel(stage, manifest.accounting()));
            }
        }
        ProductTables tables = new ProductTables(spark, root, productRows, aggregates);
        List<ProductPreview> products = new ArrayList<>();
        day.products().forEach((name, manifest) -> {
            runs.add(run("aggregate: " + name, manifest));
            products.add(tables.preview(name, manifest, date));
        });
        String anonymizeManifest = new Path(root.publishedDeviceProfiles(date), RunManifest.FILE_NAME).toString();
        return new ReportModel(date, runs, funnels, PrivacySection.read(day.anonymize(),
                compliance == null ? null : compliance.suppression(), anonymizeManifest),
                compliance == null ? null : compliance.compliance(), products,
                new ReleaseHistory(root, hadoop).read(date));
    }

    /** {@code reports/dt=D/compliance.json}, or {@code null} when verify has not run for the day. */
    private ComplianceDocument compliance(LocalDate date, Configuration hadoop) throws IOException {
        Path file = new Path(root.reports(date), ComplianceDocument.FILE_NAME);
        FileSystem fs = file.getFileSystem(hadoop);
        if (!fs.exists(file)) {
            return null;
        }
        try (InputStream in = fs.open(file)) {
            return ComplianceDocument.parse(in.readAllBytes(), file.toString());
        }
    }

    /** The accounting identity as a funnel: quarantine reasons first, then the filters, in the job's order. */
    private static Funnel funnel(Stage stage, Accounting a) {
        List<Outflow> outflows = new ArrayList<>();
        a.quarantined().forEach((reason, count) -> outflows.add(new Outflow("quarantined: " + reason, count)));
        List<Outflow> filters = List.of(new Outflow("no consent", a.noConsent()), new Outflow("minors", a.minors()),
                new Outflow("erased", a.erased()), new Outflow(stage.duplicatesLabel(), a.duplicates()));
        filters.stream().filter(f -> stage.filters() || f.count() > 0).forEach(outflows::add);
        return new Funnel(stage.job(), stage.unit(), a.inputLines(), outflows, stage.keptLabel(), a.accepted());
    }

    private static JobRun run(String name, RunManifest manifest) {
        return new JobRun(name, manifest.runId(), manifest.codeVersion(), manifest.configSha256(),
                manifest.inputs().stream().mapToLong(DatasetCount::rows).sum(),
                manifest.outputs().stream().mapToLong(DatasetCount::rows).sum());
    }
}
