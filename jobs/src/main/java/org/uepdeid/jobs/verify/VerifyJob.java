package org.uepdeid.jobs.verify;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.uepdeid.jobs.config.PipelineConfig;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.layout.DayPartition;
import org.uepdeid.jobs.layout.StagedOutput;
import org.uepdeid.jobs.manifest.ManifestFile;
import org.uepdeid.jobs.manifest.RunManifest;
import org.uepdeid.jobs.release.PrivacyLedger;
import org.uepdeid.jobs.release.ReleaseId;

/**
 * Verifies a release independently of the jobs that made it: reads only the published folders, their manifests and,
 * for its joins, the day's internal identifiers and raw values; measures every {@link Check}; and writes
 * {@code compliance.json}.
 *
 * <p>Equivalence classes, risks and cell counts are Spark group-bys over the published columns; the engine's search
 * and metrics are never called, so a bug there cannot vouch for itself. The rules come from the config, not from the
 * manifests, whose claims are checked like the data.
 */
public final class VerifyJob {

    public static final String NAME = "verify";
    public static final String REPORT_FILE = "compliance.json";

    private static final Logger LOG = LoggerFactory.getLogger(VerifyJob.class);
    /** In report order: what every output gets, then microdata, then statistics. */
    private static final List<Check> CHECKS = List.of(new SchemaAllowListCheck(), new PersonalDataCheck(),
            new StagingIdentifierCheck(), new QuarantineIdentifierCheck(), new RowOrderCheck(),
            new ManifestAccountingCheck(),
            new ManifestClaimsCheck(), new KAnonymityCheck(), new SensitiveAttributeCheck(), new SuppressionCheck(),
            new ReidentificationRiskCheck(), new GeneralizationLevelsCheck(), new MinDevicesCheck(),
            new DifferencingCheck());

    private final SparkSession spark;
    private final PipelineConfig config;
    private final DataRoot root;
    private final Configuration hadoop;

    public VerifyJob(SparkSession spark, PipelineConfig config) {
        this.spark = spark;
        this.config = config;
        this.root = new DataRoot(config.dataRoot());
        this.hadoop = spark.sparkContext().hadoopConfiguration();
    }

    /**
     * Verifies everything published for {@code date}; the report goes to {@code report}, or by default to
     * {@code reports/dt=D/compliance.json}.
     */
    public Verification verifyDay(LocalDate date, Path report) throws IOException {
        List<PublishedOutput> outputs = new PublishedOutputs(root, hadoop).ofDay(date);
        return verify(date, dayRelease(date), outputs, report != null ? report
                : new Path(root.reports(date), REPORT_FILE), null);
    }

    /**
     * Verifies one published folder; the report goes to {@code report}, or to
     * {@code reports/dt=D/compliance-<target>.json} so that it does not replace the day's report.
     */
    public Verification verifyFolder(Path folder, Path report) throws IOException {
        PublishedOutput output = new PublishedOutputs(root, hadoop).ofFolder(folder);
        Path file = report != null ? report : new Path(root.reports(output.date()),
                "compliance-" + output.target().replace('/', '.') + ".json");
        return verify(output.date(), relative(folder), List.of(output), file, null);
    }

    /**
     * Verifies a run's outputs while they are still under their temporary paths, before anything is published, and
     * writes {@code reports/dt=D/compliance.json}; each is reported under the name it will be published as.
     */
    public Verification verifyStaged(LocalDate date, List<StagedOutput> staged) throws IOException {
        return verifyStaged(date, staged, null);
    }

    /**
     * As {@link #verifyStaged(LocalDate, List)}, for a release that replaces {@code replaced}, the day's standing
     * release, without differential privacy: each output is also compared with the same output as published now
     * ({@link ReplacementCheck}), since a recipient can subtract the two.
     */
    public Verification verifyStaged(LocalDate date, List<StagedOutput> staged, ReleaseId replaced)
            throws IOException {
        List<PublishedOutput> outputs = new PublishedOutputs(root, hadoop).ofStaged(staged, date);
        return verify(date, dayRelease(date), outputs, new Path(root.reports(date), REPORT_FILE), replaced);
    }

    /**
     * Writes each staged output's share of a passed verification into the {@code verification} section of its
     * manifest, before {@code run} publishes it: the published manifest then says it was verified, and where the
     * report is. Only {@code run} does this; a standalone verify leaves published manifests as they are, since
     * rewriting a published file in place is not atomic.
     */
    public void recordIn(List<StagedOutput> staged, Verification verification) throws IOException {
        ManifestFile manifests = new ManifestFile(hadoop);
        PublishedOutputs outputs = new PublishedOutputs(root, hadoop);
        for (PublishedOutput output : outputs.ofStaged(staged, verification.report().date())) {
            RunManifest m = output.manifest();
            manifests.write(output.location(), new RunManifest(m.runId(), m.job(), m.date(), m.codeVersion(),
                    m.configSha256(), m.inputs(), m.outputs(), m.accounting(), m.privacy(),
                    verification.report().verificationOf(output.target(), verification.reportPath()), m.extra()));
        }
    }

    private Verification verify(LocalDate date, String release, List<PublishedOutput> outputs, Path reportFile,
                                ReleaseId replaced) throws IOException {
        DeclaredPolicy policy = DeclaredPolicy.of(config);
        StagingDay staging = StagingDay.read(spark, root, date);
        DifferentialPrivacyCheck privacy = new DifferentialPrivacyCheck(spark, config,
                new PrivacyLedger(root, hadoop).charges());
        List<CheckResult> results = new ArrayList<>();
        Optional<ClassSizes> microdata = Optional.empty();
        try {
            EvidenceReader reader = new EvidenceReader(spark, policy, staging);
            for (int i = 0; i < outputs.size(); i++) {
                PublishedOutput output = outputs.get(i);
                long started = System.nanoTime();
                int before = results.size();
                Evidence evidence = reader.read(output);
                try {
                    for (Check check : CHECKS) {
                        results.addAll(check.evaluate(evidence));
                    }
                    results.addAll(privacy.evaluate(evidence));
                    if (replaced != null) {
                        results.add(compareWithPublished(evidence, date, replaced));
                    }
                    // Progress on a long verify (minutes at a million devices), and where its time goes.
                    LOG.info("verify {}: {} ({} of {}): {} checks in {} s", date, output.target(), i + 1,
                            outputs.size(), results.size() - before,
                            String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9));
                    if (microdata.isEmpty()) {
                        microdata = evidence.classes();
                    }
                } finally {
                    evidence.unpersist();
                }
            }
        } finally {
            staging.identifiers().unpersist();
            privacy.unpersist();
        }
        ComplianceReport report = new ComplianceReport(date, release, outputs.stream().map(PublishedOutput::target)
                .toList(), results, microdata, policy.suppressionLimit(), policy.riskThreshold());
        write(reportFile, report.toJson());
        LOG.info("verify {}: {}; report {}", date, report.summary(), reportFile);
        return new Verification(report, relative(reportFile));
    }

    /**
     * The replacement check of one output against its published version; an output new to the day passes, and so
     * does differentially private statistics, whose replacement is charged to the budget like any release.
     */
    private CheckResult compareWithPublished(Evidence evidence, LocalDate date, ReleaseId replaced)
            throws IOException {
        if (evidence.output().kind() == OutputKind.STATISTICS && evidence.policy().differentiallyPrivate()) {
            return CheckResult.of(ReplacementCheck.NAME, evidence.target(), "not applicable", null, true,
                    "differentially private: the replacement is a release of its own, charged to the budget");
        }
        Path published = new Path(new Path(root.path(), "published/" + evidence.target()),
                DayPartition.folderName(date));
        if (!published.getFileSystem(hadoop).exists(published)) {
            return CheckResult.of(ReplacementCheck.NAME, evidence.target(), 0, null, true,
                    "release " + replaced + " did not publish this output: nothing to subtract");
        }
        return new ReplacementCheck().compare(evidence, spark.read().parquet(published.toString()),
                replaced.toString());
    }

    /** Writes beside the target and renames, so a reader never sees half a report. */
    private void write(Path file, String json) throws IOException {
        FileSystem fs = file.getFileSystem(hadoop);
        fs.mkdirs(file.getParent());
        Path temporary = new Path(file.getParent(), "_" + file.getName() + "-" + UUID.randomUUID());
        try (OutputStream out = fs.create(temporary, false)) {
            out.write(json.getBytes(StandardCharsets.UTF_8));
        }
        if (fs.exists(file) && !fs.delete(file, false)) {
            throw new IOException("cannot replace the earlier report " + file);
        }
        if (!fs.rename(temporary, file)) {
            fs.delete(temporary, false);
            throw new IOException("cannot rename " + temporary + " to " + file);
        }
    }

    private static String dayRelease(LocalDate date) {
        return "published/**/dt=" + date;
    }

    /** A path relative to the data root when it lies under it, else as given. */
    private String relative(Path path) {
        String prefix = root.path().toUri().getPath() + "/";
        String full = path.toUri().getPath();
        return full.startsWith(prefix) ? full.substring(prefix.length()) : path.toString();
    }
}
