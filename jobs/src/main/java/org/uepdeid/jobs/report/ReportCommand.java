package org.uepdeid.jobs.report;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.Path;
import org.uepdeid.jobs.config.ConfigException;
import org.uepdeid.jobs.config.ExitCodes;
import org.uepdeid.jobs.config.JobOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code uep-deid report}: parses its options, runs {@link ReportJob} and prints where the report is. */
@Command(name = ReportJob.NAME, mixinStandardHelpOptions = true,
        description = "Renders reports/dt=D/report.html, one self-contained HTML file with charts, from the day's "
                + "run manifests, verify's compliance.json and the published statistics (run after anonymize; "
                + "aggregate and verify add their sections), with the day's releases from published/_releases and "
                + "the last 30 days from their published manifests.")
public final class ReportCommand implements Callable<Integer> {

    @Mixin
    JobOptions job;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "10",
            description = "Rows of each statistics product to show (default: ${DEFAULT-VALUE}).")
    int rows;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (rows < 1) {
            throw new ConfigException("--rows: must be at least 1, got " + rows);
        }
        Path report = job.run(ReportJob.NAME, (spark, config, date) -> new ReportJob(spark, config, rows).run(date));
        spec.commandLine().getOut().println(report);
        return ExitCodes.DONE;
    }
}
