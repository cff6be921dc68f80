package org.uepdeid.jobs.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.uepdeid.jobs.config.PipelineConfig;
import org.uepdeid.jobs.layout.AtomicPublisher;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.layout.StagedOutput;
import org.uepdeid.reports.HtmlReport;
import org.uepdeid.reports.ReportModel;

/**
 * The report job: a day's manifests, verify's verdict, the published statistics, the release log and the last 30
 * days' manifests to one self-contained {@code reports/dt=D/report.html}, replaced atomically so a reader never opens
 * half a report.
 *
 * <p>It writes no manifest of its own: the report is a rendering of other runs' manifests, and {@code reports/dt=D}
 * belongs to verify's {@code compliance.json} as much as to it.
 *
 * @param productRows how many rows of each statistics product the report shows
 */
public record ReportJob(SparkSession spark, PipelineConfig config, int productRows) {

    public static final String NAME = "report";
    public static final String FILE_NAME = "report.html";

    private static final Logger LOG = LoggerFactory.getLogger(ReportJob.class);

    /** Writes the day's report and returns where it is. */
    public Path run(LocalDate date) throws IOException {
        DataRoot root = new DataRoot(config.dataRoot());
        ReportModel model = new ReportGatherer(spark, root, productRows, config.aggregates()).gather(date);
        byte[] html = HtmlReport.render(model).getBytes(StandardCharsets.UTF_8);
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        try (StagedOutput report = new AtomicPublisher(hadoop).stage(new Path(root.reports(date), FILE_NAME))) {
            try (OutputStream out = report.temporary().getFileSystem(hadoop).create(report.temporary(), false)) {
                out.write(html);
            }
            report.publish();
            LOG.info("report {}: {} ({} KiB, {}, {} statistics products, {} of the last {} days published, "
                            + "releases of the day in the log: {})", date, report.target(), html.length / 1024,
                    model.verified() ? "verification " + model.compliance().status() : "not verified",
                    model.products().size(), model.history().days().size(), model.history().length(),
                    model.history().releasesOn(date).size());
            return report.target();
        }
    }
}
