package org.uepdeid.jobs.query;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.SparkSession;
import org.uepdeid.anonymizer.input.UserInputException;
import org.uepdeid.jobs.config.ConfigOptions;
import org.uepdeid.jobs.config.ExitCodes;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code query "SQL"}: Spark SQL over the published tables, for analysts. Views: {@code device_profiles} (the
 * microdata) and one per statistics product ({@code os_adoption}, ...), each with all published days and a
 * {@code dt} column.
 */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Runs Spark SQL over the published tables (views: device_profiles and one per statistics "
                + "product, partitioned by dt).")
public final class QueryCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SQL", description = "the query, e.g. \"select dt, count(*) from device_profiles group by dt\"")
    String sql;

    @Mixin
    ConfigOptions options;

    @Option(names = "--table", paramLabel = "NAME=PATH",
            description = "Also register a Parquet folder as a view (operators: e.g. a staging table).")
    Map<String, String> extraTables = new LinkedHashMap<>();

    @Option(names = "--limit", defaultValue = "50", description = "rows to print (default: ${DEFAULT-VALUE})")
    int limit;

    @Override
    public Integer call() throws IOException {
        DataRoot root = new DataRoot(options.config().dataRoot());
        SparkSession spark = SparkSessions.getOrCreate("uep-deid query");
        Path published = new Path(root.path(), "published");
        FileSystem fs = published.getFileSystem(spark.sparkContext().hadoopConfiguration());
        register(spark, fs, "device_profiles", new Path(published, "microdata/device_profiles"));
        Path stats = new Path(published, "stats");
        if (fs.exists(stats)) {
            for (FileStatus product : fs.listStatus(stats)) {
                if (product.isDirectory()) {
                    register(spark, fs, product.getPath().getName(), product.getPath());
                }
            }
        }
        try {
            extraTables.forEach((name, path) -> spark.read().parquet(path).createOrReplaceTempView(name));
            spark.sql(sql).show(limit, false);
        } catch (Exception e) {
            // Spark's analysis errors (bad SQL, an unknown table or column, a --table path that is not there) are
            // the user's query to fix; anything else is a failure of the query's run.
            if (e instanceof AnalysisException) {
                throw new UserInputException("query: " + e.getMessage(), e);
            }
            throw e;
        }
        return ExitCodes.DONE;
    }

    private static void register(SparkSession spark, FileSystem fs, String view, Path table) throws IOException {
        if (fs.exists(table)) {
            // Partition discovery makes dt=... a column; Spark skips _-prefixed entries (manifests, staged writes).
            spark.read().parquet(table.toString()).createOrReplaceTempView(view);
        }
    }
}
