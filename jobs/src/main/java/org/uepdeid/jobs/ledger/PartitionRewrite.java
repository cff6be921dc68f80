package org.uepdeid.jobs.ledger;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.uepdeid.jobs.layout.AtomicPublisher;
import org.uepdeid.jobs.layout.StagedOutput;

/**
 * Rewrites one partition keyed by pseudonym in place, whole or not at all: the one path by which {@link PseudonymPurge}
 * (erase, children) removes devices and {@code rekey} re-pseudonymizes them.
 *
 * <p>The new rows are written under a temporary sibling ({@link AtomicPublisher}), counted, given their manifest and
 * swapped into place; a copy with any other row count is discarded and the partition stays as it was.
 */
public final class PartitionRewrite {

    /** Writes the copy's {@code _manifest.json} from the partition's (or none). */
    @FunctionalInterface
    public interface ManifestUpdate {
        void write(Path partition, Path copy) throws IOException;
    }

    private final SparkSession spark;

    public PartitionRewrite(SparkSession spark) {
        this.spark = spark;
    }

    /**
     * Replaces {@code partition} by {@code rows}, which must come to {@code expectedRows}.
     *
     * @param job names the rewrite in the error: {@code purge}, {@code rekey}
     * @throws IllegalStateException when the copy holds another number of rows (a bug: the partition is kept)
     */
    public void replace(Path partition, Dataset<Row> rows, long expectedRows, String job, ManifestUpdate manifest)
            throws IOException {
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        try (StagedOutput staged = new AtomicPublisher(hadoop).stage(partition)) {
            rows.write().parquet(staged.temporary().toString());
            long written = spark.read().parquet(staged.temporary().toString()).count();
            if (written != expectedRows) {
                throw new IllegalStateException(job + ": the copy of " + partition + " holds " + written
                        + " rows, not " + expectedRows + "; the partition is left as it was");
            }
            manifest.write(partition, staged.temporary());
            staged.publish();
        }
    }
}
