package org.uepdeid.jobs.ingest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Iterator;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.uepdeid.jobs.config.PseudonymKey;
import org.uepdeid.jobs.ipregion.IpRegionTable;
import org.uepdeid.jobs.staging.StagingEvents;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The Spark side of {@link TelemetryLineParser}: turns each raw line into exactly one classified row.
 *
 * <p>Why a per-partition Jackson parse and not {@code from_json}: {@code from_json} turns every kind of bad input
 * into the same null (a missing field, {@code "16G"} for a number, a cut-off line, a repeated key), so the reason
 * codes the accounting needs could not be told apart, and it sees strings, where invalid UTF-8 has already been
 * replaced. Here each line is read from its raw bytes, checked in a fixed order and gets one precise outcome; the
 * parser, HMAC and decoder are built once per partition.
 */
final class LineClassifier implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    static final String LINE = "line";
    static final String SOURCE_FILE = "source_file";

    static final String OUTCOME = "outcome";
    static final String REASON = "reason";
    static final String DETAIL = "detail";
    static final String LINE_SHA256 = "line_sha256";
    static final String LINE_BYTES = "line_bytes";
    static final String COPY = "redacted_line";
    static final String BLOCK_START = "block_start";
    static final String LINE_IN_BLOCK = "line_in_block";
    static final String LINE_NUMBER = "line_number";
    static final String DEVICE_PSEUDONYM = StagingEvents.DEVICE_PSEUDONYM;
    static final String EVENT_ID = StagingEvents.EVENT_ID;
    static final String EVENT = "event";
    static final String CHILD_BIRTH_YEAR = "child_birth_year";
    static final String EVENT_TIME = "event_time";
    static final String REDACTED = "redacted";

    /**
     * One row per input line; {@code redacted_line} is set for quarantined lines only, {@code event} for accepted
     * ones. A line's number in its file is {@code line_in_block} plus the lines of the file's earlier blocks.
     */
    static final StructType SCHEMA = new StructType()
            .add(OUTCOME, DataTypes.StringType, false)
            .add(REASON, DataTypes.StringType, true)
            .add(DETAIL, DataTypes.StringType, true)
            .add(LINE_SHA256, DataTypes.StringType, false)
            .add(LINE_BYTES, DataTypes.LongType, false)
            .add(SOURCE_FILE, DataTypes.StringType, true)
            .add(BLOCK_START, DataTypes.LongType, false)
            .add(LINE_IN_BLOCK, DataTypes.LongType, false)
            .add(COPY, DataTypes.StringType, true)
            .add(DEVICE_PSEUDONYM, DataTypes.StringType, true)
            .add(EVENT_ID, DataTypes.StringType, true)
            .add(EVENT, StagingEvents.SCHEMA, true)
            .add(CHILD_BIRTH_YEAR, DataTypes.IntegerType, true)
            .add(EVENT_TIME, DataTypes.TimestampType, true)
            .add(REDACTED, DataTypes.createArrayType(DataTypes.StringType), false);

    private final PseudonymKey key;
    private final Broadcast<IpRegionTable> regions;
    private final LocalDate date;
    private final Instant runStart;
    private final IngestRules rules;

    LineClassifier(PseudonymKey key, Broadcast<IpRegionTable> regions, LocalDate date, Instant runStart,
                   IngestRules rules) {
        this.key = key;
        this.regions = regions;
        this.date = date;
        this.runStart = runStart;
        this.rules = rules;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> lines) throws NoSuchAlgorithmException {
        TelemetryLineParser parser = new TelemetryLineParser(key, regions.value(), date, runStart, rules);
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        return new Iterator<>() {
            // A partition reads whole blocks, each from its start: lines are counted per (file, block).
            private String file;
            private long block = -1;
            private long inBlock;

            @Override
            public boolean hasNext() {
                return lines.hasNext();
            }

            @Override
            public Row next() {
                Row input = lines.next();
                byte[] line = input.getAs(LINE);
                String sourceFile = input.getAs(SOURCE_FILE);
                long blockStart = input.getAs(BLOCK_START);
                if (!sourceFile.equals(file) || blockStart != block) {
                    file = sourceFile;
                    block = blockStart;
                    inBlock = 0;
                }
                return classified(parser, line, HexFormat.of().formatHex(sha256.digest(line)), sourceFile,
                        blockStart, inBlock++);
            }
        };
    }

    private static Row classified(TelemetryLineParser parser, byte[] line, String sha, String sourceFile,
                                  long blockStart, long lineInBlock) {
        ParsedLine parsed;
        try {
            parsed = parser.classify(line);
        } catch (RuntimeException e) {
            // Keep the run going and the line accounted for; the exception type (never its message, which may quote
            // the line) tells the developer where to look.
            parsed = ParsedLine.quarantined(QuarantineReason.UNCLASSIFIABLE, e.getClass().getSimpleName(), null, null,
                    QuarantineCopy.ofText(line));
        }
        boolean quarantined = parsed.outcome() == Outcome.QUARANTINED;
        return RowFactory.create(parsed.outcome().code(), quarantined ? parsed.reason().code() : null,
                quarantined ? parsed.reason().detail(parsed.field()) : null, sha, (long) line.length, sourceFile,
                blockStart, lineInBlock, parsed.copy(), parsed.devicePseudonym(),
                parsed.eventId(), parsed.event(), parsed.childBirthYear(), parsed.eventTime(),
                CollectionConverters.asScala(parsed.redacted()).toSeq());
    }
}
