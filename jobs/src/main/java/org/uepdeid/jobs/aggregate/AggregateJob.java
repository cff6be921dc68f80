package org.uepdeid.jobs.aggregate;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.uepdeid.anonymizer.dp.BudgetCharge;
import org.uepdeid.anonymizer.dp.BudgetDecision;
import org.uepdeid.anonymizer.dp.EpsilonDelta;
import org.uepdeid.anonymizer.dp.PrivacyBudget;
import org.slf4j.LoggerFactory;
import org.uepdeid.jobs.config.ConfigException;
import org.uepdeid.jobs.config.PipelineConfig;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.layout.Publication;
import org.uepdeid.jobs.manifest.RunManifest;
import org.uepdeid.jobs.layout.ReleaseBlockedException;
import org.uepdeid.jobs.release.PrivacyLedger;
import org.uepdeid.jobs.release.ReleaseId;
import org.uepdeid.jobs.release.ReleaseLog;

/**
 * The aggregate job: a day's staging events, profiles and anonymized classes to the statistics products under
 * {@code published/stats/<product>/dt=D}, each with its own {@code _manifest.json} (see {@link StatsProducts}).
 *
 * <p>Every cell published describes at least {@code min_devices} distinct devices, each device's contribution to a
 * sum is bounded ({@code aggregates} in the config), and cells that subtraction could reveal are withheld too
 * ({@link CellSuppression}). Published columns are labels and counts only: pseudonyms never leave staging.
 *
 * <p>Products are published one by one, each replacing its own earlier output of the day atomically. A product whose
 * dimensions the day's classes lack (the anonymization policy did not name them as quasi-identifiers) is not built
 * from raw values instead: it is not published, and an earlier output of it for the day is withdrawn, so that the
 * day's outputs are always this run's.
 */
public record AggregateJob(SparkSession spark, PipelineConfig config, Clock clock) {

    public static final String NAME = "aggregate";

    private static final Logger LOG = LoggerFactory.getLogger(AggregateJob.class);

    /**
     * Builds the day's products and publishes each at once, charged (under differential privacy) as the day's first
     * release; see {@link #run(LocalDate, String, Publication)}.
     */
    public AggregateRun run(LocalDate date) throws IOException {
        new ReleaseLog(new DataRoot(config.dataRoot()), spark.sparkContext().hadoopConfiguration())
                .requireUnreleased(date, NAME);
        return run(date, ReleaseId.first(date).toString(), Publication.IMMEDIATE);
    }

    /**
     * Builds the day's products and hands each to {@code publication} once written ({@code run} holds them until
     * verified). Withdrawing an earlier output of a product that cannot be built is not held back: it publishes
     * nothing.
     *
     * <p>Under differential privacy the release's charges, one per product it publishes, are appended to the budget
     * ledger first, before anything is computed or published; a release that would take any window past the budget
     * is refused ({@link ReleaseBlockedException}) with nothing charged or published.
     *
     * @param releaseId the release these outputs belong to, as the budget ledger records it
     * @throws ConfigException naming every missing input and the job that writes it, before anything is published
     */
    public AggregateRun run(LocalDate date, String releaseId, Publication publication) throws IOException {
        DataRoot root = new DataRoot(config.dataRoot());
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        Map<StagingInput, StagingPartition> inputs = read(root, hadoop, date);
        ClassLabels classLabels = ClassLabels.read(hadoop, config, date);
        List<StatsProduct> buildable = new ArrayList<>();
        Map<String, String> notPublished = new LinkedHashMap<>();
        for (StatsProduct product : StatsProducts.all(config.aggregates(), classLabels)) {
            StagingPartition input = inputs.get(product.input());
            List<String> missing = product.dimensionsMissingFrom(input.rows());
            if (missing.isEmpty()) {
                buildable.add(product);
            } else {
                String reason = input.path() + " has no column " + String.join(", ", missing)
                        + " (not a quasi-identifier of the anonymization policy)";
                withdraw(root.publishedStats(product.name(), date), hadoop);
                notPublished.put(product.name(), reason);
                LOG.warn("aggregate {} {}: not published: {}", date, product.name(), reason);
            }
        }
        Map<String, ProductPrivacy> privacy = charge(root, hadoop, date, releaseId, buildable, classLabels);
        Optional<EpsilonDelta> windowSpent = privacy.isEmpty() ? Optional.empty()
                : Optional.of(windowSpent(new PrivacyLedger(root, hadoop), date));
        ProductPublisher publisher = new ProductPublisher(spark, config, hadoop, RunManifest.newRunId(clock.instant()),
                releaseId, windowSpent);
        Map<String, RunManifest> published = new LinkedHashMap<>();
        for (StatsProduct product : buildable) {
            published.put(product.name(), publisher.publish(product, inputs.get(product.input()), date, publication,
                    privacy.get(product.name())));
        }
        return new AggregateRun(published, notPublished);
    }

    /**
     * Under differential privacy, refuses at once a release of {@code date} that could not fit the budget even if
     * every product were published, its classes' cells selected privately (the most a release spends), so that a day
     * is refused before any work is done on it. The charge itself comes
     * later, for the products really built ({@link #run(LocalDate, String, Publication)}).
     *
     * @throws ReleaseBlockedException when the release would take a window over the budget
     */
    public void requireBudget(LocalDate date) throws IOException {
        List<ProductPrivacy> products = ProductPrivacy.of(config.aggregates());
        if (products.isEmpty()) {
            return;
        }
        PrivacyBudget budget = config.aggregates().privacy().budget().orElseThrow();
        Instant now = clock.instant();
        BudgetDecision decision = new PrivacyLedger(new DataRoot(config.dataRoot()),
                spark.sparkContext().hadoopConfiguration()).ledger().decide(budget,
                products.stream().map(p -> p.charge(date, "check", budget, now)).toList());
        refuseUnlessFits(decision, budget, date);
    }

    private static void refuseUnlessFits(BudgetDecision decision, PrivacyBudget budget, LocalDate date) {
        if (!decision.fits()) {
            throw new ReleaseBlockedException("privacy budget: " + decision.describe(budget)
                    + "; nothing of " + date + " was published");
        }
    }

    /**
     * Under differential privacy, charges the release of {@code products} to the budget ledger, or refuses it when a
     * window holding the day would go over; returns each product's privacy. Exact statistics charge nothing.
     */
    private Map<String, ProductPrivacy> charge(DataRoot root, Configuration hadoop, LocalDate date, String releaseId,
                                               List<StatsProduct> products, ClassLabels classLabels)
            throws IOException {
        Map<String, ProductPrivacy> privacy = new LinkedHashMap<>();
        List<String> names = products.stream().map(StatsProduct::name).toList();
        ProductPrivacy.of(config.aggregates(), classLabels).stream().filter(p -> names.contains(p.product()))
                .forEach(p -> privacy.put(p.product(), p));
        if (privacy.isEmpty()) {
            return privacy;
        }
        PrivacyBudget budget = config.aggregates().privacy().budget().orElseThrow();
        PrivacyLedger ledger = new PrivacyLedger(root, hadoop);
        Instant now = clock.instant();
        List<BudgetCharge> charges = privacy.values().stream().map(p -> p.charge(date, releaseId, budget, now))
                .toList();
        BudgetDecision decision = ledger.ledger().decide(budget, charges);
        refuseUnlessFits(decision, budget, date);
        ledger.append(releaseId, charges);
        LOG.info("aggregate {}: release {} charged to the privacy budget: {}", date, releaseId,
                decision.describe(budget));
        return privacy;
    }

    /** What the window of {@code period_days} ending on {@code date} has spent, this release included. */
    private EpsilonDelta windowSpent(PrivacyLedger ledger, LocalDate date) throws IOException {
        PrivacyBudget budget = config.aggregates().privacy().budget().orElseThrow();
        return budget.lossOf(ledger.ledger().spent(date.minusDays(budget.periodDays() - 1L), date));
    }

    /** Reads every input, after checking that all exist, so one error names everything to run first. */
    private Map<StagingInput, StagingPartition> read(DataRoot root, Configuration hadoop, LocalDate date)
            throws IOException {
        List<String> absent = new ArrayList<>();
        for (StagingInput input : StagingInput.values()) {
            Path path = input.path(root, date);
            if (!path.getFileSystem(hadoop).exists(path)) {
                absent.add(path + " does not exist; run " + input.writtenBy() + " first");
            }
        }
        if (!absent.isEmpty()) {
            throw new ConfigException("missing input for --date " + date + ": " + String.join("; ", absent));
        }
        Map<StagingInput, StagingPartition> inputs = new EnumMap<>(StagingInput.class);
        for (StagingInput input : StagingInput.values()) {
            Path path = input.path(root, date);
            Dataset<Row> rows = spark.read().parquet(path.toString());
            List<String> lacking = input.requiredColumns().stream()
                    .filter(c -> !Arrays.asList(rows.columns()).contains(c)).toList();
            if (!lacking.isEmpty()) {
                throw new ConfigException(path + " has no column " + String.join(", ", lacking)
                        + ": it is not the output of " + input.writtenBy() + "; run " + input.writtenBy() + " again");
            }
            inputs.put(input, new StagingPartition(input, path, rows, rows.count()));
        }
        return inputs;
    }

    private static void withdraw(Path output, Configuration hadoop) throws IOException {
        FileSystem fs = output.getFileSystem(hadoop);
        if (fs.exists(output) && !fs.delete(output, true)) {
            throw new IOException("cannot withdraw the earlier output " + output);
        }
    }
}
