package org.uepdeid.jobs.aggregate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.uepdeid.jobs.config.PipelineConfig;
import org.uepdeid.jobs.layout.DataRoot;

/**
 * A product's exact cells, recomputed from staging for verify's test of the noise: the per-cell bounds applied as
 * aggregate applies them, but not the random L0 subset, which only aggregate knows. Instead each cell says whether
 * any of its devices fed more than L0 cells ({@value #WHOLE} false): only the cells where none did have exactly the
 * value the noise was added to.
 *
 * @param config      the pipeline config the products follow
 * @param classLabels the labels of the day's classes, as aggregate read them ({@link ClassLabels#read})
 */
public record ExactCells(PipelineConfig config, ClassLabels classLabels) {

    /** Whether the cell's exact value is the one aggregate noised: no device of it was over L0. */
    public static final String WHOLE = "_whole";

    /** The products of {@code date}, over the labels of that day's classes. */
    public static ExactCells ofDay(SparkSession spark, PipelineConfig config, LocalDate date) throws IOException {
        return new ExactCells(config, ClassLabels.read(spark.sparkContext().hadoopConfiguration(), config, date));
    }

    /** The product's dimensions, in published order. */
    public List<String> dimensions(String product) {
        return find(product).dimensions();
    }

    /** The product's noisy measures, {@code devices} first. */
    public List<String> measures(String product) {
        return find(product).measureNames();
    }

    /** How the product's cells are chosen, as its manifest states it: public, private or mixed. */
    public String selectionKind(String product) {
        return find(product).domain().kind().manifestName();
    }

    /** The cells the product publishes every day whatever the data (labels in dimension order). */
    public List<List<String>> publicCells(String product) {
        return find(product).domain().publicCells();
    }

    /** The product's privacy over these labels: what its manifest must declare. */
    public ProductPrivacy privacy(String product) {
        return ProductPrivacy.of(config.aggregates(), classLabels, product);
    }

    /**
     * The exact cells of {@code product} on {@code date}: its dimensions, {@code devices} and each measure (bigint,
     * whole published units) and {@value #WHOLE}; empty when its staging input no longer exists.
     */
    public Optional<Dataset<Row>> of(SparkSession spark, LocalDate date, String product, long maxCellsPerDevice)
            throws IOException {
        Path input = input(date, product);
        if (!input.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(input)) {
            return Optional.empty();
        }
        return Optional.of(of(product, spark.read().parquet(input.toString()), maxCellsPerDevice));
    }

    /** The staging partition {@code product}'s cells of {@code date} are counted from. */
    public Path input(LocalDate date, String product) {
        return find(product).input().path(new DataRoot(config.dataRoot()), date);
    }

    /**
     * As {@link #of(SparkSession, LocalDate, String, long)}, from the rows of the product's staging input
     * ({@link #input}) as the caller read them: verify reads each input once for all the products on it.
     */
    public Dataset<Row> of(String product, Dataset<Row> rows, long maxCellsPerDevice) {
        StatsProduct definition = find(product);
        Dataset<Row> perDevice = ContributionBounds.withDeviceCells(ContributionBounds.perDeviceAndCell(definition,
                definition.contributions().apply(rows), true));
        return NoisyCells.exactCells(definition, perDevice,
                max(col(ContributionBounds.DEVICE_CELLS)).leq(maxCellsPerDevice).as(WHOLE));
    }

    private StatsProduct find(String product) {
        return StatsProducts.all(config.aggregates(), classLabels).stream().filter(p -> p.name().equals(product))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no statistics product " + product));
    }
}
