package org.uepdeid.jobs.verify;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.uepdeid.jobs.config.ConfigOptions;
import org.uepdeid.jobs.config.ExitCodes;
import org.uepdeid.jobs.config.PipelineConfig;
import org.uepdeid.jobs.config.PipelineConfigReader;
import org.uepdeid.jobs.layout.ReleaseBlockedException;
import org.uepdeid.jobs.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code uep-deid verify}: parses its options and runs {@link VerifyJob} on a day or on one published folder. */
@Command(name = VerifyJob.NAME, mixinStandardHelpOptions = true,
        description = {"Verifies what is published, independently of the jobs that published it, and writes "
                + "compliance.json (every check: measured, threshold, passed, masked sample).",
                "Exit 0 when every check passes, 1 when one fails, 2 on bad usage."})
public final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "Verify everything published for this day; the report is reports/dt=D/compliance.json "
                    + "unless --report says otherwise.")
    LocalDate date;

    @Parameters(arity = "0..1", paramLabel = "PATH",
            description = "Or verify one published folder with a _manifest.json; the report is "
                    + "reports/dt=D/compliance-<target>.json unless --report says otherwise.")
    String folder;

    @Option(names = "--report", paramLabel = "FILE_OR_URI", description = "Where to write the report instead.")
    String report;

    /** The config's policy is what the release is checked against, not the claims of its manifests. */
    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() throws IOException {
        if ((date == null) == (folder == null)) {
            throw new ParameterException(spec.commandLine(), "verify: give either --date YYYY-MM-DD or one PATH");
        }
        PipelineConfig config = options.config();
        VerifyJob job = new VerifyJob(SparkSessions.getOrCreate("uep-deid " + VerifyJob.NAME), config);
        org.apache.hadoop.fs.Path reportFile = report == null ? null : location(report);
        Verification verification = date != null ? job.verifyDay(date, reportFile)
                : job.verifyFolder(location(folder), reportFile);
        spec.commandLine().getOut().println("uep-deid verify: " + verification.report().summary() + "; report "
                + verification.reportPath());
        if (!verification.passed()) {
            throw new ReleaseBlockedException("verify: " + verification.report().summary() + "; see "
                    + verification.reportPath());
        }
        return ExitCodes.DONE;
    }

    /** From the text, not the URI: Hadoop then drops a folder's trailing slash, so its parent is its parent. */
    private static org.apache.hadoop.fs.Path location(String value) {
        return new org.apache.hadoop.fs.Path(PipelineConfigReader.resolveLocation(value, Path.of("")).toString());
    }
}
