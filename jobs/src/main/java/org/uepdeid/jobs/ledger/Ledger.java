package org.uepdeid.jobs.ledger;

import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.uepdeid.jobs.layout.DataRoot;

/**
 * The ledgers under {@code ledger/}: append-only records keyed by device pseudonym that ingest reads on every run
 * (ARCHITECTURE.md, "Zones"). Each entry is one folder {@code <entry>=<run id>} of Parquet ({@link PseudonymLedger}).
 */
public enum Ledger {
    /** Erased devices ({@code uep-deid erase}): none of their lines is kept again. */
    ERASURE("erasure", "requested", "requested_at", new StructType()),
    /**
     * Devices found to be a child's (policy Part VII), with the birth year they stated: excluded until surely older
     * than {@code children_up_to_age}.
     */
    CHILDREN("children", "recorded", "recorded_at",
            new StructType().add(Ledger.BIRTH_YEAR, DataTypes.IntegerType, false)),
    /** Revoked consents ({@code uep-deid consent revoke}): the device's events after the time are not collected. */
    CONSENT("consent", "revoked", "revoked_at", new StructType());

    /** The key of every ledger and every zone keyed by pseudonym. */
    public static final String DEVICE_PSEUDONYM = "device_pseudonym";
    public static final String BIRTH_YEAR = "birth_year";

    private final String name;
    private final String entry;
    private final String timeColumn;
    private final StructType schema;

    Ledger(String name, String entry, String timeColumn, StructType extra) {
        this.name = name;
        this.entry = entry;
        this.timeColumn = timeColumn;
        StructType schema = new StructType().add(DEVICE_PSEUDONYM, DataTypes.StringType, false);
        for (var field : extra.fields()) {
            schema = schema.add(field);
        }
        this.schema = schema.add(timeColumn, DataTypes.TimestampType, false);
    }

    /** The ledger's folder: {@code ledger/<name>}. */
    public Path folder(DataRoot root) {
        return root.ledger(name);
    }

    /**
     * The folder name prefix of one entry ({@code requested=}): verify reads a ledger as a plain Parquet folder, whose
     * partition discovery takes only {@code name=value} subfolders, so a plain read also shows this column.
     */
    String entryPrefix() {
        return entry + "=";
    }

    /** The column with the entry's time (UTC): when erasure was requested, a child recorded, consent revoked. */
    public String timeColumn() {
        return timeColumn;
    }

    /** The columns of an entry, in order: the pseudonym, the ledger's own, the time. */
    public StructType schema() {
        return schema;
    }
}
