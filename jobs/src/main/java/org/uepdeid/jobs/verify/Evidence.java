package org.uepdeid.jobs.verify;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Everything verify read about one published output, read once and shared by the checks.
 *
 * @param output     the folder and its manifest
 * @param policy     what the config declares
 * @param files      the names of the files in the folder
 * @param rows       the published rows (no columns when the folder has no Parquet)
 * @param values     every published value as text, one row per distinct (column, value): the data's columns and the
 *                   manifest's string fields (column {@code _manifest.json:<field>}); what the scans read
 * @param classes    the equivalence classes, for microdata
 * @param staging    the day's internal data the joins need
 */
record Evidence(PublishedOutput output, DeclaredPolicy policy, List<String> files, Dataset<Row> rows,
                Dataset<Row> values, Optional<ClassSizes> classes, StagingDay staging) {

    /** The {@link #values} columns. */
    static final String COLUMN = "column";
    static final String VALUE = "value";

    Evidence {
        files = List.copyOf(files);
    }

    String target() {
        return output.target();
    }

    List<String> columns() {
        return List.of(rows.columns());
    }

    /** Frees what {@link EvidenceReader} cached for the checks. */
    void unpersist() {
        rows.unpersist();
        values.unpersist();
    }

    /** The declared quasi-identifiers the published rows have (a missing one is the schema check's finding). */
    List<String> presentQuasiIdentifiers() {
        return policy.quasiIdentifiers().stream().filter(columns()::contains).toList();
    }
}
