package org.uepdeid.jobs.verify;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.get_json_object;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.split;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.uepdeid.jobs.staging.StagingEvents;
import org.uepdeid.jobs.layout.DataRoot;

/**
 * The day's internal data verify reads for its joins, never to publish: every identifier a release must not contain
 * (the pseudonyms staging, quarantine and the erasure ledger know, and the raw device ids of the landing lines), and
 * the devices' raw quasi-identifier values, from which the hierarchies are rebuilt.
 *
 * @param identifiers one column, {@value #IDENTIFIER}, distinct; empty when no source exists
 * @param read        the sources that were read, as data-root-relative paths
 * @param absent      the sources that do not exist for the day
 * @param profiles    staging/profiles of the day, if it exists
 * @param quarantine  the pieces of each quarantined line's redacted copy (one column, {@value #IDENTIFIER}), and the
 *                    raw direct identifiers of the day's landing lines none of them may be, if both exist
 */
record StagingDay(Dataset<Row> identifiers, List<String> read, List<String> absent,
                  Optional<Dataset<Row>> profiles, Optional<QuarantineScan> quarantine) {

    static final String IDENTIFIER = "identifier";
    private static final String DEVICE_ID = "$.device_id";
    private static final String QUARANTINE_COPY = "redacted_line";
    /** Shorter values (a one-letter user name) would match pieces of any copy; the patterns cover such values. */
    private static final int MIN_IDENTIFIER_LENGTH = 3;
    /** The direct identifiers of a landing line (UEP-TELEMETRY.md); the arrays' come as JSON lists. */
    private static final List<String> DIRECT_IDENTIFIERS = List.of(DEVICE_ID, "$.ip", "$.device.board_serial",
            "$.device.bios_serial", "$.device.disks[*].serial", "$.device.nics[*].mac", "$.system.hostname",
            "$.system.username");

    /** What the quarantine scan joins: the copies' pieces and the day's raw identifiers. */
    record QuarantineScan(Dataset<Row> pieces, Dataset<Row> rawIdentifiers) {
    }

    StagingDay {
        read = List.copyOf(read);
        absent = List.copyOf(absent);
    }

    /** Whether the pseudonyms of the day could be read at all: without staging/events the join proves nothing. */
    boolean knowsPseudonyms() {
        return read.stream().anyMatch(source -> source.startsWith("staging/events"));
    }

    /** Reads the day's sources that exist; the identifiers are cached, as every published output is joined to them. */
    static StagingDay read(SparkSession spark, DataRoot root, LocalDate date) throws IOException {
        List<String> read = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        List<Dataset<Row>> identifiers = new ArrayList<>();
        List<Path> pseudonymSources = List.of(root.stagingEvents(date), root.stagingProfiles(date),
                root.stagingClasses(date), root.quarantine(date), root.anonymizeQuarantine(date), root.erasureLedger());
        for (Path source : pseudonymSources) {
            Optional<Dataset<Row>> rows = parquet(spark, source);
            String name = relative(root, source);
            if (rows.isPresent() && Arrays.asList(rows.get().columns()).contains(StagingEvents.DEVICE_PSEUDONYM)) {
                identifiers.add(rows.get().select(col(StagingEvents.DEVICE_PSEUDONYM).as(IDENTIFIER)));
                read.add(name);
            } else {
                absent.add(name);
            }
        }
        Path landing = root.landing(date);
        Optional<Dataset<Row>> raw = Optional.empty();
        if (exists(spark, landing)) {
            Dataset<Row> text = spark.read().text(landing.toString());
            identifiers.add(text.select(get_json_object(col("value"), DEVICE_ID).as(IDENTIFIER)));
            raw = Optional.of(rawIdentifiers(text));
            read.add(relative(root, landing));
        } else {
            absent.add(relative(root, landing));
        }
        Optional<Dataset<Row>> copies = parquet(spark, root.quarantine(date))
                .filter(q -> Arrays.asList(q.columns()).contains(QUARANTINE_COPY));
        Optional<QuarantineScan> scan = raw.isEmpty() || copies.isEmpty() ? Optional.empty()
                : Optional.of(new QuarantineScan(copies.get().select(explode(split(col(QUARANTINE_COPY), "\""))
                        .as(IDENTIFIER)), raw.get()));
        Dataset<Row> all = identifiers.stream().reduce(Dataset::union)
                .orElseGet(() -> spark.createDataFrame(List.of(),
                        new StructType().add(IDENTIFIER, DataTypes.StringType)));
        Dataset<Row> distinct = all.filter(col(IDENTIFIER).isNotNull()).distinct().cache();
        return new StagingDay(distinct, read, absent, parquet(spark, root.stagingProfiles(date)), scan);
    }

    /** Every direct identifier the landing lines hold, one a row, list values split into their elements. */
    private static Dataset<Row> rawIdentifiers(Dataset<Row> landing) {
        Column[] values = DIRECT_IDENTIFIERS.stream().map(path -> get_json_object(col("value"), path))
                .toArray(Column[]::new);
        return landing.select(explode(array(values)).as("raw"))
                .select(explode(split(regexp_replace(col("raw"), "^\\[|]$", ""), "\",")).as(IDENTIFIER))
                .select(regexp_replace(col(IDENTIFIER), "^\"|\"$", "").as(IDENTIFIER))
                .filter(col(IDENTIFIER).isNotNull().and(length(col(IDENTIFIER)).geq(MIN_IDENTIFIER_LENGTH)))
                .distinct();
    }

    /** The Parquet rows under {@code path}; none when it does not exist or holds no Parquet file (an empty ledger). */
    private static Optional<Dataset<Row>> parquet(SparkSession spark, Path path) throws IOException {
        if (!exists(spark, path)) {
            return Optional.empty();
        }
        RemoteIterator<LocatedFileStatus> files = path.getFileSystem(spark.sparkContext().hadoopConfiguration())
                .listFiles(path, true);
        while (files.hasNext()) {
            if (files.next().getPath().getName().endsWith(".parquet")) {
                return Optional.of(spark.read().parquet(path.toString()));
            }
        }
        return Optional.empty();
    }

    private static boolean exists(SparkSession spark, Path path) throws IOException {
        return path.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(path);
    }

    private static String relative(DataRoot root, Path path) {
        String prefix = root.path().toUri().getPath() + "/";
        String full = path.toUri().getPath();
        return full.startsWith(prefix) ? full.substring(prefix.length()) : full;
    }
}
