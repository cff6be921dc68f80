package org.uepdeid.jobs.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;

/**
 * Reads one JSON object into one row of a staging struct, a column at a time in the struct's order. The struct's
 * type is the staging schema's ({@code staging/StagingEvents}); the constructor checks that the readers name its
 * fields in its order, so the schema and what ingest writes into it can never disagree.
 */
final class StructReader {

    /** One column: its name in staging and how it is read. */
    record Column(String name, FieldReader reader) {
    }

    private final List<Column> columns;
    private final StructType type;

    StructReader(StructType type, Column... columns) {
        List<String> names = Arrays.stream(columns).map(Column::name).toList();
        if (!names.equals(List.of(type.fieldNames()))) {
            throw new IllegalStateException("readers for columns " + names + " differ from the staging struct's "
                    + Arrays.toString(type.fieldNames()));
        }
        this.columns = List.of(columns);
        this.type = type;
    }

    static Column column(String name, FieldReader reader) {
        return new Column(name, reader);
    }

    Row read(JsonNode object, String path) {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = columns.get(i).reader().read(object, path);
        }
        // With its schema, so a row can be read by column name (tests, debugging), not only by position.
        return new GenericRowWithSchema(values, type);
    }
}
