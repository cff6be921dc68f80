package org.uepdeid.jobs.testing;

import org.apache.spark.sql.SparkSession;

/** The one small local Spark session the tests share (the build machine has 2 cores, shared with other builds). */
public final class SparkTestSession {

    private SparkTestSession() {
    }

    /** Builds the session on first use; later jobs' {@code SparkSessions.getOrCreate} returns this same one. */
    public static SparkSession get() {
        return SparkSession.builder()
                .appName("uep-deid tests")
                .master("local[2]")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.default.parallelism", "2")
                .getOrCreate();
    }
}
