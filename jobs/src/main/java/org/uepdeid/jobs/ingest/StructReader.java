package org.uepdeid.jobs.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * An ordered list of columns read from one JSON object into one Spark row; its schema and its rows come from the same
 * list, so the two can never disagree on column order.
 */
final class StructReader {

    /** One column: its name in staging, its Spark type and how it is read. */
    record Column(String name, DataType type, FieldReader reader) {
    }

    private final List<Column> columns;
    private final StructType type;

    StructReader(Column... columns) {
        this.columns = List.of(columns);
        this.type = DataTypes.createStructType(this.columns.stream()
                .map(c -> DataTypes.createStructField(c.name(), c.type(), true))
                .toArray(StructField[]::new));
    }

    static Column column(String name, DataType type, FieldReader reader) {
        return new Column(name, type, reader);
    }

    StructType type() {
        return type;
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
