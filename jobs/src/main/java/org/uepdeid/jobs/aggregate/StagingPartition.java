package org.uepdeid.jobs.aggregate;

import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** One day's partition of a staging input, read once and shared by the products that use it. */
record StagingPartition(StagingInput input, Path path, Dataset<Row> rows, long rowCount) {
}
