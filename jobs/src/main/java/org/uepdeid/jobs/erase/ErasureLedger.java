package org.uepdeid.jobs.erase;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.uepdeid.jobs.config.PipelineConfig;
import org.uepdeid.jobs.ingest.StagingEvents;
import org.uepdeid.jobs.layout.AtomicPublisher;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.layout.StagedOutput;
import org.uepdeid.jobs.manifest.CodeVersion;
import org.uepdeid.jobs.manifest.DatasetCount;
import org.uepdeid.jobs.manifest.ManifestFile;
import org.uepdeid.jobs.manifest.RunManifest;

/**
 * Appends erasure requests to {@code ledger/erasure}: each request is a new Parquet file set ({@code device_pseudonym},
 * {@code requested_at} UTC) in its own folder, written under a temporary name and renamed into place whole,
 * so ingest never reads half a request.
 *
 * <p>Each folder is named {@code requested=<run id>}: ingest reads the ledger recursively, but verify reads it as a
 * plain Parquet folder, whose partition discovery takes only {@code name=value} subfolders (a folder named otherwise
 * is not read at all). A plain read therefore also shows a {@code requested} column.
 */
final class ErasureLedger {

    static final String REQUESTED_AT = "requested_at";
    private static final String REQUEST_FOLDER = "requested=";
    static final StructType SCHEMA = new StructType()
            .add(StagingEvents.DEVICE_PSEUDONYM, DataTypes.StringType, false)
            .add(REQUESTED_AT, DataTypes.TimestampType, false);

    private final SparkSession spark;
    private final PipelineConfig config;

    ErasureLedger(SparkSession spark, PipelineConfig config) {
        this.spark = spark;
        this.config = config;
    }

    /** Writes one request's pseudonyms and returns where they are, with the row count. */
    DatasetCount append(Set<String> pseudonyms, Instant requestedAt, String runId) throws IOException {
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        Path target = new Path(new DataRoot(config.dataRoot()).erasureLedger(), REQUEST_FOLDER + runId);
        Timestamp at = Timestamp.from(requestedAt);
        List<Row> rows = pseudonyms.stream().map(p -> RowFactory.create(p, at)).toList();
        try (StagedOutput request = new AtomicPublisher(hadoop).stage(target)) {
            spark.createDataFrame(rows, SCHEMA).coalesce(1).write().parquet(request.temporary().toString());
            DatasetCount written = new DatasetCount(request.target().toString(),
                    spark.read().parquet(request.temporary().toString()).count());
            if (written.rows() != pseudonyms.size()) {
                throw new IllegalStateException("erasure ledger: wrote " + written.rows() + " of "
                        + pseudonyms.size() + " pseudonyms to " + request.temporary() + "; nothing was appended");
            }
            new ManifestFile(hadoop).write(request.temporary(), new RunManifest(runId, EraseJob.NAME,
                    LocalDate.ofInstant(requestedAt, ZoneOffset.UTC), CodeVersion.current(), config.source().sha256(),
                    List.of(), List.of(written), null, null, null, Map.of()));
            request.publish();
            return written;
        }
    }
}
