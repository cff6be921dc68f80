package org.uepdeid.jobs.verify;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.uepdeid.anonymizer.dp.BudgetCharge;
import org.uepdeid.anonymizer.dp.BudgetLedger;
import org.uepdeid.anonymizer.dp.Mechanism;
import org.uepdeid.anonymizer.dp.PrivacyBudget;
import org.uepdeid.anonymizer.dp.ResidualSpread;
import org.uepdeid.jobs.aggregate.ExactCells;
import org.uepdeid.jobs.aggregate.ProductPrivacy;
import org.uepdeid.jobs.config.PipelineConfig;
import org.uepdeid.jobs.config.PrivacySection;
import org.uepdeid.jobs.release.Audience;
import org.uepdeid.jobs.release.PublishedFolder;

/**
 * Statistics under differential privacy, three results per product:
 * <ul>
 *   <li>{@value #BUDGET}: the budget ledger holds this release's charge for the product, at least what the manifest
 *       declares, and no window of {@code period_days} holding the day is over the budget;</li>
 *   <li>{@value #DECLARATIONS}: what the manifest declares (mechanism, accounting, window, charge, sensitivities,
 *       noise, partition selection, audience) is what the config makes of the product, recomputed here, and every
 *       public cell of its domain is published;</li>
 *   <li>{@value #NOISE}: noise was really added at the declared scale. Exact cells are recomputed from staging and
 *       each published value's residual against them is taken, on the cells far enough above zero (and the
 *       threshold) that neither clamping nor selection bends it and whose devices all fed at most L0 cells. With
 *       enough such cells, their spread must be the declared one ({@link ResidualSpread}): Σ r²/σ² within a χ²
 *       bound scaled by the noise's kurtosis, and residuals all zero only as often as so small a noise gives
 *       them.</li>
 * </ul>
 * Without differential privacy only the audience is checked: exact statistics are {@code internal}.
 *
 * <p>One instance serves one verification: it caches each staging input the first product on it reads, for the
 * products after it; {@link #unpersist()} releases them.
 */
final class DifferentialPrivacyCheck {

    static final String BUDGET = "privacy_budget";
    static final String DECLARATIONS = "dp_declarations";
    static final String NOISE = "dp_noise";

    /** Below this many usable cells a variance test says little: reported, not failed. */
    static final int MIN_CELLS = 30;
    /** Cells whose exact value is within this confidence's half-width of zero (or of τ) are left out. */
    private static final double CLEAR_OF_EDGES = 1 - 1e-6;
    private static final String EXACT = "__exact_";

    private final SparkSession spark;
    private final PipelineConfig config;
    private final List<BudgetCharge> charges;
    /** The staging inputs read so far, by path; empty for one that does not exist. */
    private final Map<Path, Optional<Dataset<Row>>> inputs = new HashMap<>();
    /** The products of each day verified so far, over that day's class labels. */
    private final Map<LocalDate, ExactCells> days = new HashMap<>();

    DifferentialPrivacyCheck(SparkSession spark, PipelineConfig config, List<BudgetCharge> charges) {
        this.spark = spark;
        this.config = config;
        this.charges = List.copyOf(charges);
    }

    List<CheckResult> evaluate(Evidence evidence) {
        PublishedOutput output = evidence.output();
        if (output.kind() != OutputKind.STATISTICS || !output.hasManifest()) {
            return List.of();
        }
        PrivacySection privacy = config.aggregates().privacy();
        String product = output.target().substring(output.target().lastIndexOf('/') + 1);
        JsonNode audience = output.manifest().extra().get(PublishedFolder.AUDIENCE);
        Audience expected = privacy.differentiallyPrivate() ? Audience.AFFILIATES : Audience.INTERNAL;
        String audienceProblem = audience != null && audience.asText().equals(expected.word()) ? null
                : "audience: claims " + audience + ", expected " + expected.word();
        if (!privacy.differentiallyPrivate()) {
            return List.of(CheckResult.of(DECLARATIONS, evidence.target(), audienceProblem == null ? 0 : 1, 0,
                    audienceProblem == null, audienceProblem == null ? "exact statistics, audience internal"
                            : audienceProblem));
        }
        JsonNode declared = output.manifest().privacy() == null ? null
                : output.manifest().privacy().get("differential_privacy");
        if (declared == null || !declared.isObject()) {
            String why = "the manifest declares no privacy.differential_privacy, but the config's mechanism is "
                    + privacy.mechanism().orElseThrow().configName();
            return List.of(CheckResult.notMeasured(BUDGET, evidence.target(), null, why),
                    CheckResult.notMeasured(DECLARATIONS, evidence.target(), 0, why),
                    CheckResult.notMeasured(NOISE, evidence.target(), null, why));
        }
        ExactCells products = products(output.date());
        ProductPrivacy expectedPrivacy = products.privacy(product);
        return List.of(budget(evidence, product, declared), declarations(evidence, products, expectedPrivacy,
                declared, audienceProblem), noise(evidence, products, product, expectedPrivacy, declared));
    }

    private CheckResult budget(Evidence evidence, String product, JsonNode declared) {
        PrivacyBudget budget = config.aggregates().privacy().budget().orElseThrow();
        LocalDate date = evidence.output().date();
        String releaseId = declared.path("release_id").asText("");
        double epsilon = declared.path("epsilon").asDouble(Double.NaN);
        List<BudgetCharge> own = charges.stream().filter(c -> c.date().equals(date)
                && c.releaseId().equals(releaseId) && c.product().equals(product)).toList();
        boolean charged = own.stream().anyMatch(c -> c.epsilon() >= epsilon - Check.TOLERANCE);
        BudgetLedger ledger = new BudgetLedger(charges);
        List<String> over = new ArrayList<>();
        for (LocalDate start = date.minusDays(budget.periodDays() - 1L); !start.isAfter(date);
             start = start.plusDays(1)) {
            if (!budget.fits(ledger.spent(start, start.plusDays(budget.periodDays() - 1L)))) {
                over.add(start + "..." + start.plusDays(budget.periodDays() - 1L));
            }
        }
        boolean passed = charged && over.isEmpty();
        String detail = (charged ? "the ledger holds release " + releaseId + "'s charge (epsilon " + epsilon + ")"
                : "the ledger holds no charge of release " + releaseId + " for " + product + " on " + date
                        + " of at least the declared epsilon " + epsilon)
                + "; " + (over.isEmpty() ? "no " + budget.periodDays() + "-day window holding " + date
                        + " is over the budget" : "windows over the budget: " + String.join(", ", over));
        return CheckResult.of(BUDGET, evidence.target(), over.size() + (charged ? 0 : 1), 0, passed, detail);
    }

    private CheckResult declarations(Evidence evidence, ExactCells products, ProductPrivacy expected,
                                     JsonNode declared, String audienceProblem) {
        PrivacySection privacy = config.aggregates().privacy();
        PrivacyBudget budget = privacy.budget().orElseThrow();
        List<String> wrong = new ArrayList<>();
        if (audienceProblem != null) {
            wrong.add(audienceProblem);
        }
        Mechanism mechanism = privacy.mechanism().orElseThrow();
        same(wrong, "mechanism", mechanism.configName(), declared.path("mechanism").asText(null));
        same(wrong, "accounting", budget.accounting().manifestName(), declared.path("accounting").asText(null));
        same(wrong, "period_days", (double) budget.periodDays(), declared.path("period_days").asDouble(-1));
        BudgetCharge charge = expected.charge(evidence.output().date(), "check", budget, Instant.EPOCH);
        same(wrong, "epsilon", charge.epsilon(), declared.path("epsilon").asDouble(-1));
        same(wrong, "delta", charge.delta(), declared.path("delta").asDouble(-1));
        if (charge.rho().isPresent()) {
            same(wrong, "rho", charge.rho().getAsDouble(), declared.path("rho").asDouble(-1));
        }
        same(wrong, "budget.epsilon", budget.total().epsilon(), declared.path("budget").path("epsilon").asDouble(-1));
        same(wrong, "budget.delta", budget.total().delta(), declared.path("budget").path("delta").asDouble(-1));
        for (Map.Entry<String, ProductPrivacy.MeasureNoise> measure : expected.measures().entrySet()) {
            String name = measure.getKey();
            JsonNode sensitivity = declared.path("sensitivity").path(name);
            same(wrong, "sensitivity." + name + ".l0", (double) measure.getValue().sensitivity().maxCellsPerDevice(),
                    sensitivity.path("l0").asDouble(-1));
            same(wrong, "sensitivity." + name + ".linf", (double) measure.getValue().sensitivity().maxPerCell(),
                    sensitivity.path("linf").asDouble(-1));
            same(wrong, "noise_stddev." + name, measure.getValue().noise().standardDeviation(),
                    declared.path("noise_stddev").path(name).asDouble(-1));
        }
        JsonNode selection = declared.path("partition_selection");
        String product = expected.product();
        same(wrong, "partition_selection.kind", products.selectionKind(product), selection.path("kind").asText(null));
        List<List<String>> publicCells = products.publicCells(product);
        same(wrong, "partition_selection.public_cells", (double) publicCells.size(),
                selection.path("public_cells").asDouble(-1));
        if (expected.selection().isPresent()) {
            same(wrong, "partition_selection.threshold", (double) expected.selection().get().threshold(),
                    selection.path("threshold").asDouble(-1));
        }
        missingPublicCells(evidence, products, product, publicCells).ifPresent(wrong::add);
        return CheckResult.of(DECLARATIONS, evidence.target(), wrong.size(), 0, wrong.isEmpty(), wrong.isEmpty()
                ? "mechanism, window, charge, sensitivities, noise and selection are what the config gives"
                : "declarations that are not the config's: " + String.join("; ", wrong));
    }

    /**
     * Which public cells the release lacks: each is published every day, zeros included, so one that is missing was
     * withheld for its value, and the absence itself tells.
     */
    private Optional<String> missingPublicCells(Evidence evidence, ExactCells products, String product,
                                                List<List<String>> publicCells) {
        List<String> dimensions = products.dimensions(product);
        if (publicCells.isEmpty() || !evidence.columns().containsAll(dimensions)) {
            return Optional.empty();
        }
        StructType schema = new StructType();
        for (String dimension : dimensions) {
            schema = schema.add(dimension, DataTypes.StringType);
        }
        List<Row> cells = publicCells.stream().map(cell -> RowFactory.create(cell.toArray())).toList();
        String[] keys = dimensions.toArray(String[]::new);
        List<Row> missing = spark.createDataFrame(cells, schema)
                .join(evidence.rows().select(keys[0], Arrays.copyOfRange(keys, 1, keys.length)), keys, "left_anti")
                .collectAsList();
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        // The labels are the vocabulary's, from config: naming one says nothing about a device.
        List<String> first = new ArrayList<>();
        for (int i = 0; i < dimensions.size(); i++) {
            first.add(dimensions.get(i) + "=" + missing.get(0).getString(i));
        }
        return Optional.of(missing.size() + " of the domain's " + publicCells.size() + " public cells are not "
                + "published, e.g. (" + String.join(", ", first) + ")");
    }

    private CheckResult noise(Evidence evidence, ExactCells products, String product, ProductPrivacy expected,
                              JsonNode declared) {
        Optional<Dataset<Row>> exact = input(products, evidence.output().date(), product)
                .map(rows -> products.of(product, rows, expected.maxCellsPerDevice()));
        if (exact.isEmpty()) {
            return CheckResult.notMeasured(NOISE, evidence.target(), null,
                    "the day's staging input is gone: the exact cells cannot be recomputed");
        }
        List<String> dimensions = products.dimensions(product);
        List<String> measures = products.measures(product);
        if (!evidence.columns().containsAll(dimensions) || !evidence.columns().containsAll(measures)) {
            return CheckResult.notMeasured(NOISE, evidence.target(), null, "the published cells lack the product's "
                    + "columns");
        }
        List<Column> renamed = new ArrayList<>();
        dimensions.forEach(d -> renamed.add(col(d)));
        measures.forEach(m -> renamed.add(col(m).as(EXACT + m)));
        renamed.add(col(ExactCells.WHOLE));
        Dataset<Row> joined = evidence.rows().join(exact.get().select(renamed.toArray(Column[]::new)),
                dimensions.toArray(String[]::new), "left");
        long threshold = expected.selection().map(s -> s.threshold()).orElse(0L);
        Column usable = coalesce(col(ExactCells.WHOLE), lit(false));
        for (String measure : measures) {
            long edge = expected.measures().get(measure).noise().halfWidth(CLEAR_OF_EDGES)
                    + (measure.equals(measures.get(0)) ? threshold : 0);
            usable = usable.and(col(EXACT + measure).gt(edge));
        }
        List<Row> cells = joined.filter(usable).select(measures.stream()
                .flatMap(m -> Stream.of(col(m).cast("double"), col(EXACT + m).cast("double")))
                .toArray(Column[]::new)).collectAsList();
        if (cells.size() < MIN_CELLS) {
            return CheckResult.of(NOISE, evidence.target(), cells.size(), MIN_CELLS, true, cells.size()
                    + " cells lie clear of zero and of the threshold with every device within L0: too few to test "
                    + "the noise's spread (needs " + MIN_CELLS + ")");
        }
        List<String> findings = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int m = 0; m < measures.size(); m++) {
            String measure = measures.get(m);
            double[] residuals = new double[cells.size()];
            for (int c = 0; c < residuals.length; c++) {
                residuals[c] = cells.get(c).getDouble(2 * m) - cells.get(c).getDouble(2 * m + 1);
            }
            ResidualSpread spread = ResidualSpread.of(residuals, expected.measures().get(measure).noise(),
                    declared.path("noise_stddev").path(measure).asDouble(Double.NaN));
            (spread.passed() ? findings : failures).add(measure + ": " + spread.describe());
        }
        return CheckResult.of(NOISE, evidence.target(), cells.size(), MIN_CELLS, failures.isEmpty(),
                (failures.isEmpty() ? "noise consistent with the declared scale on "
                        : "noise NOT at the declared scale on ")
                        + cells.size() + " cells: " + String.join("; ", failures.isEmpty() ? findings : failures));
    }

    /** The products of {@code date}, read on first use. */
    private ExactCells products(LocalDate date) {
        return days.computeIfAbsent(date, day -> {
            try {
                return ExactCells.ofDay(spark, config, day);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The product's staging input of the day, read and cached on first use; empty when it no longer exists. */
    private Optional<Dataset<Row>> input(ExactCells products, LocalDate date, String product) {
        Path path = products.input(date, product);
        Optional<Dataset<Row>> rows = inputs.get(path);
        if (rows == null) {
            try {
                rows = path.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(path)
                        ? Optional.of(spark.read().parquet(path.toString()).cache()) : Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            inputs.put(path, rows);
        }
        return rows;
    }

    /** Releases the cached staging inputs. */
    void unpersist() {
        inputs.values().forEach(rows -> rows.ifPresent(Dataset::unpersist));
        inputs.clear();
    }

    private static void same(List<String> wrong, String key, Object expected, Object declared) {
        boolean holds = expected instanceof Double e && declared instanceof Double d
                ? Math.abs(e - d) <= Check.TOLERANCE * Math.max(1, Math.abs(e)) : expected.equals(declared);
        if (!holds) {
            wrong.add(key + ": declares " + declared + ", the config gives " + expected);
        }
    }
}
