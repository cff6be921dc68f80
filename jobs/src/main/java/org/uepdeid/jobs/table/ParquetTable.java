package org.uepdeid.jobs.table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.uepdeid.anonymizer.input.UserInputException;
import org.uepdeid.anonymizer.table.CsvTable;

/**
 * A flat Parquet file as the engine's in-memory table, read and written with parquet-hadoop alone (no Spark, so
 * {@code anonymize-table} runs on a laptop). Every value becomes its text, as in a CSV file: strings as they are,
 * numbers and booleans as Java prints them, a {@code DATE} as {@code yyyy-MM-dd}, a null as the empty string. The
 * anonymized table is written with every column an optional string.
 */
final class ParquetTable {

    private ParquetTable() {
    }

    /** Whether a path names a Parquet file, by its extension. */
    static boolean isParquet(Path file) {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".parquet");
    }

    static CsvTable read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserInputException("table not found: " + file);
        }
        requireParquetMagic(file);
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            List<String> header = new ArrayList<>();
            for (Type field : schema.getFields()) {
                if (!field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED)) {
                    throw new UserInputException("table " + file + ": column '" + field.getName() + "' is nested "
                            + "or repeated; anonymize-table reads flat tables only");
                }
                header.add(field.getName());
            }
            List<String[]> rows = new ArrayList<>();
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<Group> records = new ColumnIOFactory().getColumnIO(schema)
                        .getRecordReader(pages, new GroupRecordConverter(schema));
                for (long r = 0; r < pages.getRowCount(); r++) {
                    rows.add(row(records.read(), schema));
                }
            }
            return new CsvTable(header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read table " + file, e);
        }
    }

    /** A Parquet file starts and ends with "PAR1"; anything else is the wrong file, said before parsing it. */
    private static void requireParquetMagic(Path file) {
        byte[] magic = "PAR1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (java.nio.channels.FileChannel in = java.nio.channels.FileChannel.open(file)) {
            java.nio.ByteBuffer head = java.nio.ByteBuffer.allocate(4);
            java.nio.ByteBuffer tail = java.nio.ByteBuffer.allocate(4);
            boolean parquet = in.size() >= 12 && in.read(head, 0) == 4 && in.read(tail, in.size() - 4) == 4
                    && java.util.Arrays.equals(head.array(), magic) && java.util.Arrays.equals(tail.array(), magic);
            if (!parquet) {
                throw new UserInputException("table " + file + " is not a Parquet file (it does not start and end "
                        + "with PAR1); name a CSV file without the .parquet extension");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read table " + file, e);
        }
    }

    private static String[] row(Group group, MessageType schema) {
        String[] row = new String[schema.getFieldCount()];
        for (int f = 0; f < row.length; f++) {
            if (group.getFieldRepetitionCount(f) == 0) {
                row[f] = "";
                continue;
            }
            PrimitiveType type = schema.getType(f).asPrimitiveType();
            row[f] = type.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation
                    ? LocalDate.ofEpochDay(group.getInteger(f, 0)).toString()
                    : group.getValueToString(f, 0);
        }
        return row;
    }

    static void write(CsvTable table, Path file) {
        Types.MessageTypeBuilder builder = Types.buildMessage();
        for (String column : table.header()) {
            builder.optional(PrimitiveType.PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType())
                    .named(column);
        }
        MessageType schema = builder.named("table");
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withType(schema)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .build()) {
            for (String[] row : table.rows()) {
                Group group = groups.newGroup();
                for (int f = 0; f < row.length; f++) {
                    group.append(table.header().get(f), row[f]);
                }
                writer.write(group);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write table " + file, e);
        }
    }
}
