package org.uepdeid.jobs.spark;

import org.apache.spark.sql.SparkSession;

/** Creates the Spark session every job runs in: embedded {@code local[*]} unless spark-submit chose a master. */
public final class SparkSessions {

    private SparkSessions() {
    }

    /**
     * Returns the active session or builds one. Under spark-submit {@code spark.master} is already set and is kept;
     * run locally, the embedded default is {@code local[*]}.
     */
    public static SparkSession getOrCreate(String appName) {
        SparkSession.Builder builder = SparkSession.builder().appName(appName)
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.ui.enabled", "false")
                // Small local runs are dominated by the 200 default shuffle partitions; AQE coalesces them.
                .config("spark.sql.adaptive.enabled", "true")
                .config("spark.sql.shuffle.partitions", "8");
        if (System.getProperty("spark.master") == null) {
            builder.master("local[*]");
        }
        return builder.getOrCreate();
    }
}
