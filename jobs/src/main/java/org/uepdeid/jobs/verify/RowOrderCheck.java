package org.uepdeid.jobs.verify;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.struct;

import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Every output: its rows stand in the order of their published values (ascending by every column in schema order,
 * nulls first), file after file in name order. Any other order may carry what the values do not — the pseudonyms'
 * order, the input's — and lets a recipient who keeps every day's files link rows across days by position.
 *
 * <p>Measured on the files themselves: each row's position is Parquet's row index within its file, so no reading
 * order of Spark's can hide or fake an order.
 */
final class RowOrderCheck implements Check {

    static final String NAME = "row_order";
    private static final String FILE = "__file";
    private static final String POSITION = "__position";
    private static final String KEY = "__key";
    private static final String FIRST = "__first";
    private static final String LAST = "__last";
    private static final String PREVIOUS = "__previous";
    private static final String NEXT_FIRST = "__next_first";

    @Override
    public List<CheckResult> evaluate(Evidence evidence) {
        String[] parts = evidence.files().stream().filter(f -> f.endsWith(".parquet") && !f.startsWith("_")
                && !f.startsWith(".")).sorted().map(f -> new Path(evidence.output().location(), f).toString())
                .toArray(String[]::new);
        if (parts.length == 0 || evidence.columns().isEmpty()) {
            return List.of(CheckResult.of(NAME, evidence.target(), 0, 0, true, "no rows are published"));
        }
        Column key = struct(evidence.columns().stream().map(c -> col("`" + c + "`")).toArray(Column[]::new));
        Dataset<Row> rows = evidence.rows().sparkSession().read().parquet(parts)
                .select(col("_metadata.file_name").as(FILE), col("_metadata.row_index").as(POSITION), key.as(KEY));
        Column previous = lag(col(KEY), 1).over(Window.partitionBy(FILE).orderBy(POSITION));
        long withinFiles = rows.withColumn(PREVIOUS, previous).filter(col(PREVIOUS).gt(col(KEY))).count();
        // Across files: each file's last row may not sort after the next file's first.
        // One row per file, so one window partition holds them all (partitioned by a constant to say so).
        Column nextFirst = lead(col(FIRST), 1).over(Window.partitionBy(lit(0)).orderBy(FILE));
        long acrossFiles = rows.groupBy(FILE).agg(min_by(col(KEY), col(POSITION)).as(FIRST),
                max_by(col(KEY), col(POSITION)).as(LAST)).withColumn(NEXT_FIRST, nextFirst)
                .filter(col(LAST).gt(col(NEXT_FIRST))).count();
        long total = evidence.rows().count();
        long bad = withinFiles + acrossFiles;
        return List.of(CheckResult.of(NAME, evidence.target(), bad, 0, bad == 0, bad == 0
                ? "all " + total + " rows in " + parts.length + " file(s) stand in the order of their published "
                        + "values (" + String.join(", ", evidence.columns()) + ")"
                : bad + " of " + total + " rows follow a row that sorts after them (" + withinFiles + " within a file, "
                        + acrossFiles + " across files): the order carries something the values do not"));
    }
}
