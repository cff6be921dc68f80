package org.uepdeid.jobs.aggregate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.uepdeid.anonymizer.dp.EpsilonDelta;
import org.slf4j.LoggerFactory;
import org.uepdeid.jobs.config.PipelineConfig;
import org.uepdeid.jobs.layout.AtomicPublisher;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.layout.Publication;
import org.uepdeid.jobs.layout.PublishedOrder;
import org.uepdeid.jobs.layout.StagedOutput;
import org.uepdeid.jobs.manifest.CodeVersion;
import org.uepdeid.jobs.manifest.DatasetCount;
import org.uepdeid.jobs.manifest.ManifestFile;
import org.uepdeid.jobs.manifest.RunManifest;
import org.uepdeid.jobs.release.Audience;
import org.uepdeid.jobs.release.PublishedFolder;

/**
 * Publishes one product for one day: the cells {@link CellSuppression} lets through, as one Parquet file in
 * {@code published/stats/<product>/dt=D}, beside a manifest that declares their schema and what was suppressed.
 *
 * <p>The published columns are exactly the product's declared schema (labels, device counts, bounded sums); a
 * product whose cells came out otherwise is a bug and publishes nothing. The manifest states cell counts, never the
 * devices of suppressed cells: it is published too, and such a figure could single out a margin's one suppressed cell.
 */
final class ProductPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(ProductPublisher.class);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final PipelineConfig config;
    private final DataRoot root;
    private final Configuration hadoop;
    private final String runId;
    private final CellSuppression suppression;
    private final NoisyCells noisy;
    private final String releaseId;
    private final Optional<EpsilonDelta> windowSpent;

    /**
     * @param releaseId   the release the products belong to
     * @param windowSpent under differential privacy, what the window ending on the day has spent with this release
     */
    ProductPublisher(SparkSession spark, PipelineConfig config, Configuration hadoop, String runId, String releaseId,
                     Optional<EpsilonDelta> windowSpent) {
        this.config = config;
        this.root = new DataRoot(config.dataRoot());
        this.hadoop = hadoop;
        this.runId = runId;
        this.suppression = new CellSuppression(config.minDevices());
        this.noisy = new NoisyCells(spark);
        this.releaseId = releaseId;
        this.windowSpent = windowSpent;
    }

    /**
     * Computes one product and hands it to {@code publication}, which replaces an earlier run of the same day; returns
     * its manifest.
     *
     * @param privacy the product's differential privacy, or null for exact cells under the threshold rules
     */
    RunManifest publish(StatsProduct product, StagingPartition input, LocalDate date, Publication publication,
                        ProductPrivacy privacy) throws IOException {
        if (privacy != null) {
            return publishNoisy(product, input, date, publication, privacy);
        }
        // Counted, then written: kept so the contributions are aggregated once. Cells are few, devices many.
        Dataset<Row> cells = suppression.cells(product, product.contributions().apply(input.rows()))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try (StagedOutput output = new AtomicPublisher(hadoop).stage(root.publishedStats(product.name(), date))) {
            CellCounts counts = CellCounts.of(cells);
            PublishedOrder.sorted(publishedCells(product, cells), counts.published())
                    .write().parquet(output.temporary().toString());
            RunManifest manifest = manifest(product, input, output.target(), counts.published(),
                    privacy(product, counts), Audience.INTERNAL, date);
            new ManifestFile(hadoop).write(output.temporary(), manifest);
            publication.complete(output);
            LOG.info("aggregate {} {}: {} cells written; {} below {} devices and {} withheld against differencing "
                            + "({} device-cells suppressed)", date, product.name(), counts.published(),
                    counts.belowMinDevices(), config.minDevices(), counts.complementary(),
                    counts.suppressedDeviceCells());
            return manifest;
        } finally {
            cells.unpersist();
        }
    }

    /** The noisy cells of one product, published as the exact ones are, with a manifest that says how. */
    private RunManifest publishNoisy(StatsProduct product, StagingPartition input, LocalDate date,
                                     Publication publication, ProductPrivacy privacy) throws IOException {
        Dataset<Row> cells = requireSchema(product, noisy.cells(product, product.contributions().apply(input.rows()),
                privacy)).cache();
        try (StagedOutput output = new AtomicPublisher(hadoop).stage(root.publishedStats(product.name(), date))) {
            long published = cells.count();
            PublishedOrder.sorted(cells, published).write().parquet(output.temporary().toString());
            Row smallest = cells.agg(min(StatsProduct.DEVICES)).first();
            RunManifest manifest = manifest(product, input, output.target(), published,
                    new DifferentialPrivacyManifest(config, releaseId, windowSpent.orElseThrow())
                            .privacy(product, privacy, published, smallest.isNullAt(0) ? null : smallest.getLong(0), date),
                    Audience.AFFILIATES, date);
            new ManifestFile(hadoop).write(output.temporary(), manifest);
            publication.complete(output);
            LOG.info("aggregate {} {}: {} noisy cells written ({} domain of {} public cells, release {})", date,
                    product.name(), published, product.domain().kind().manifestName(),
                    product.domain().publicCells().size(), releaseId);
            return manifest;
        } finally {
            cells.unpersist();
        }
    }

    /** The published cells in the declared columns. */
    private static Dataset<Row> publishedCells(StatsProduct product, Dataset<Row> cells) {
        List<Column> columns = new ArrayList<>();
        product.dimensions().forEach(d -> columns.add(col(d)));
        columns.add(col(StatsProduct.DEVICES));
        product.measures().forEach(m -> columns.add(m.published(col(m.name())).as(m.name())));
        return requireSchema(product, cells.filter(col(CellSuppression.STATUS)
                .equalTo(CellStatus.PUBLISHED.code())).select(columns.toArray(Column[]::new)));
    }

    /** {@code published}, which must have exactly the product's declared columns: otherwise a bug, published never. */
    private static Dataset<Row> requireSchema(StatsProduct product, Dataset<Row> published) {
        List<PublishedColumn> actual = Arrays.stream(published.schema().fields())
                .map(f -> new PublishedColumn(f.name(), f.dataType())).toList();
        if (!actual.equals(product.schema())) {
            throw new IllegalStateException("product " + product.name() + " computed columns " + actual
                    + " but declares " + product.schema());
        }
        return published;
    }

    /**
     * The manifest of a product. Exact counts are for the company's own analysts ({@code internal}): affiliates
     * receive only differentially private products.
     */
    private RunManifest manifest(StatsProduct product, StagingPartition input, Path target, long publishedCells,
                                 ObjectNode privacy, Audience audience, LocalDate date) {
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        extra.put(PublishedFolder.AUDIENCE, JSON.textNode(audience.word()));
        extra.put("product", JSON.textNode(product.name()));
        extra.put("description", JSON.textNode(product.description()));
        extra.put("dimensions", texts(product.dimensions()));
        ArrayNode schema = JSON.arrayNode();
        product.schema().forEach(c -> schema.addObject().put("name", c.name()).put("type", c.type()));
        extra.put("schema", schema);
        return new RunManifest(runId, AggregateJob.NAME, date, CodeVersion.current(), config.source().sha256(),
                List.of(new DatasetCount(input.path().toString(), input.rowCount())),
                List.of(new DatasetCount(target.toString(), publishedCells)), null, privacy, null, extra);
    }

    private ObjectNode privacy(StatsProduct product, CellCounts counts) {
        ObjectNode privacy = JSON.objectNode();
        privacy.put("unit", "device");
        privacy.put("min_devices", config.minDevices());
        ObjectNode bounds = privacy.putObject("contribution_bounds");
        bounds.put("per", "device, cell and day");
        product.measures().forEach(m -> bounds.put(m.name(), m.publishedBound()));
        ObjectNode complementary = privacy.putObject("complementary_suppression");
        complementary.set("margin_by", texts(product.margins()));
        complementary.put("rule", "in each margin the unpublished cells are none, or at least two holding at least "
                + "min_devices distinct devices; else the margin's smallest published cell is withheld too");
        privacy.put("published_cells", counts.published());
        privacy.put("suppressed_cells", counts.suppressed());
        privacy.put("suppressed_below_min_devices", counts.belowMinDevices());
        privacy.put("suppressed_complementary", counts.complementary());
        if (counts.published() > 0) {
            privacy.put("min_published_devices", counts.minPublishedDevices());
        } else {
            privacy.putNull("min_published_devices");
        }
        return privacy;
    }

    static ArrayNode texts(List<String> values) {
        ArrayNode array = JSON.arrayNode();
        values.forEach(array::add);
        return array;
    }
}
