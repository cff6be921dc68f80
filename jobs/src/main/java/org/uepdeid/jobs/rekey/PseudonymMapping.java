package org.uepdeid.jobs.rekey;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.get_json_object;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.uepdeid.jobs.config.DevicePseudonymizer;
import org.uepdeid.jobs.config.PseudonymKey;
import org.uepdeid.jobs.layout.DailyZone;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.layout.DayPartition;

/**
 * Old pseudonym to new, for every device whose raw id is still known: the device ids of every landing day on disk
 * and of the ids files given. HMAC pseudonyms cannot be mapped any other way.
 *
 * <p>The mapping would re-identify across keys, so it is never written: it is held in executor memory only
 * ({@code MEMORY_ONLY}, recomputed rather than spilled) and dropped by {@link #close()}; nothing logs its content.
 */
final class PseudonymMapping implements AutoCloseable {

    static final String OLD = "rekey_old_pseudonym";
    static final String NEW = "rekey_new_pseudonym";
    private static final StructType SCHEMA = new StructType().add(OLD, DataTypes.StringType, false)
            .add(NEW, DataTypes.StringType, false);

    private final Dataset<Row> pairs;
    private final int landingDays;

    private PseudonymMapping(Dataset<Row> pairs, int landingDays) {
        this.pairs = pairs;
        this.landingDays = landingDays;
    }

    /** Builds the mapping from {@code root}'s landing days and {@code idsFromFiles} (raw device ids). */
    static PseudonymMapping build(SparkSession spark, DataRoot root, PseudonymKey oldKey, PseudonymKey newKey,
                                  List<String> idsFromFiles) throws IOException {
        FileSystem fs = root.path().getFileSystem(spark.sparkContext().hadoopConfiguration());
        List<String> days = new ArrayList<>();
        for (DayPartition day : DayPartition.list(fs, root.zone(DailyZone.LANDING), List.of()).days()) {
            days.add(day.path().toString());
        }
        Dataset<String> ids = spark.createDataset(idsFromFiles, Encoders.STRING());
        if (!days.isEmpty()) {
            // The same id ingest pseudonymizes: the text of device_id. Ids ingest would not take (a number, junk)
            // only add pairs that match nothing.
            ids = ids.union(spark.read().text(days.toArray(String[]::new))
                    .select(get_json_object(col("value"), "$.device_id").as("id"))
                    .filter(col("id").isNotNull().and(col("id").notEqual("")))
                    .as(Encoders.STRING()));
        }
        Dataset<Row> pairs = ids.distinct().mapPartitions(new Pseudonymize(oldKey, newKey), Encoders.row(SCHEMA))
                .persist(StorageLevel.MEMORY_ONLY());
        return new PseudonymMapping(pairs, days.size());
    }

    /** The pairs ({@link #OLD}, {@link #NEW}), one per device. */
    Dataset<Row> pairs() {
        return pairs;
    }

    /** How many landing days the raw ids came from. */
    int landingDays() {
        return landingDays;
    }

    @Override
    public void close() {
        pairs.unpersist();
    }

    /** HMAC under both keys, one pseudonymizer pair per task ({@link DevicePseudonymizer} is not thread safe). */
    private record Pseudonymize(PseudonymKey oldKey, PseudonymKey newKey) implements MapPartitionsFunction<String, Row> {

        @Override
        public Iterator<Row> call(Iterator<String> ids) {
            DevicePseudonymizer before = new DevicePseudonymizer(oldKey);
            DevicePseudonymizer after = new DevicePseudonymizer(newKey);
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return ids.hasNext();
                }

                @Override
                public Row next() {
                    String id = ids.next();
                    return RowFactory.create(before.pseudonym(id), after.pseudonym(id));
                }
            };
        }
    }
}
