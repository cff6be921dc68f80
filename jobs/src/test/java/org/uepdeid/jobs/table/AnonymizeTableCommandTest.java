package org.uepdeid.jobs.table;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uepdeid.jobs.testing.CommandLineRun;

/** The command as a user runs it: results, the anonymized table, and a clear exit 2 for every kind of bad input. */
class AnonymizeTableCommandTest {

    @TempDir
    Path dir;

    private final CommandLineRun cli = new CommandLineRun();

    @BeforeEach
    void writeTable() throws IOException {
        StringBuilder csv = new StringBuilder("zip;age;disease\n");
        String[] zips = {"13053", "13068", "13053", "13068", "14850", "14853", "14850", "14853", "13053", "14850"};
        String[] ages = {"28", "29", "21", "23", "50", "55", "47", "49", "31", "36"};
        String[] diseases = {"flu", "cold", "flu", "asthma", "cancer", "flu", "cold", "asthma", "cancer", "flu"};
        for (int i = 0; i < zips.length; i++) {
            csv.append(zips[i]).append(';').append(ages[i]).append(';').append(diseases[i]).append('\n');
        }
        Files.writeString(dir.resolve("table.csv"), csv);
        Files.writeString(dir.resolve("zip.csv"), "13053;1305*;130**;*\n13068;1306*;130**;*\n"
                + "14850;1485*;148**;*\n14853;1485*;148**;*\n");
        StringBuilder age = new StringBuilder();
        for (int a = 20; a < 60; a++) {
            age.append(a).append(';').append(a / 10 * 10).append('-').append(a / 10 * 10 + 9).append(";*\n");
        }
        Files.writeString(dir.resolve("age.csv"), age);
    }

    private int run(String policyYaml, String... extra) throws IOException {
        Files.writeString(dir.resolve("policy.yaml"), policyYaml);
        List<String> args = new java.util.ArrayList<>(List.of("anonymize-table", "--input",
                dir.resolve("table.csv").toString(), "--delimiter", ";", "--policy",
                dir.resolve("policy.yaml").toString(), "--result", dir.resolve("result.json").toString()));
        args.addAll(List.of(extra));
        return cli.execute(args.toArray(String[]::new));
    }

    private static String policy(String models) {
        return "quasi_identifiers:\n  - {name: zip, hierarchy: zip.csv}\n  - {name: age, hierarchy: age.csv}\n"
                + "privacy_models: " + models + "\nsuppression_limit: 0\nmetric: {type: loss}\n";
    }

    @Test
    void writesTheResultAndAKAnonymousTable() throws IOException {
        int exit = run(policy("[{type: k-anonymity, k: 2}]"), "--output", dir.resolve("out.csv").toString());

        assertThat(exit).as(cli.err()).isZero();
        JsonNode result = new ObjectMapper().readTree(dir.resolve("result.json").toFile());
        assertThat(result.get("levels").size()).isEqualTo(2);
        assertThat(result.get("min_class_size").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(result.get("information_loss").isNumber()).isTrue();
        assertThat(result.get("transformations_checked").asInt()).isPositive();
        assertThat(result.get("models").toString()).as("the models in the policy's own syntax")
                .isEqualTo("[{\"type\":\"k-anonymity\",\"k\":2}]");
        List<String> out = Files.readAllLines(dir.resolve("out.csv"));
        assertThat(out.get(0)).isEqualTo("zip;age;disease");
        Map<String, Integer> classes = new HashMap<>();
        for (String line : out.subList(1, out.size())) {
            String[] f = line.split(";");
            classes.merge(f[0] + ";" + f[1], 1, Integer::sum);
        }
        assertThat(classes.values()).allSatisfy(size -> assertThat(size).isGreaterThanOrEqualTo(2));
        assertThat(out.stream().skip(1).map(l -> l.split(";")[2]))
                .as("the non-QI column passes through")
                .containsExactly("flu", "cold", "flu", "asthma", "cancer", "flu", "cold", "asthma", "cancer", "flu");
    }

    @Test
    void noSolutionExitsZeroWithNullLossAndAMessage() throws IOException {
        int exit = run("quasi_identifiers:\n  - {name: zip, hierarchy: zip.csv}\nsensitive: disease\n"
                + "privacy_models: [{type: distinct-l-diversity, attribute: disease, l: 9}]\n"
                + "suppression_limit: 0\nmetric: {type: loss}\n");

        assertThat(exit).isZero();
        JsonNode result = new ObjectMapper().readTree(dir.resolve("result.json").toFile());
        assertThat(result.get("information_loss").isNull()).isTrue();
        assertThat(result.get("message").asText()).contains("9 distinct values of 'disease'").contains("only 4");
    }

    @Test
    void unknownAttributeIsExit2NamingIt() throws IOException {
        int exit = run(policy("[{type: k-anonymity, k: 2}]").replace("name: age", "name: agee"));
        assertThat(exit).isEqualTo(2);
        assertThat(cli.err()).contains("'agee'").contains("not a column").doesNotContain("Exception");
    }

    @Test
    void kBelowOneIsExit2NamingTheKey() throws IOException {
        assertThat(run(policy("[{type: k-anonymity, k: 0}]"))).isEqualTo(2);
        assertThat(cli.err()).contains("privacy_models[0]").contains("k must be at least 1, got 0");
    }

    @Test
    void valueMissingFromHierarchyIsExit2NamingValueAndFile() throws IOException {
        Files.writeString(dir.resolve("zip.csv"), "13053;1305*;130**;*\n13068;1306*;130**;*\n14850;1485*;148**;*\n");
        assertThat(run(policy("[{type: k-anonymity, k: 2}]"))).isEqualTo(2);
        assertThat(cli.err()).contains("14853").contains("zip.csv").contains("'zip'");
    }

    @Test
    void raggedHierarchyIsExit2() throws IOException {
        Files.writeString(dir.resolve("zip.csv"), "13053;1305*;130**;*\n13068;1306*;*\n14850;1485*;148**;*\n"
                + "14853;1485*;148**;*\n");
        assertThat(run(policy("[{type: k-anonymity, k: 2}]"))).isEqualTo(2);
        assertThat(cli.err()).contains("13068").contains("zip.csv");
    }

    @Test
    void emptyTableIsExit2() throws IOException {
        Files.writeString(dir.resolve("table.csv"), "zip;age;disease\n");
        assertThat(run(policy("[{type: k-anonymity, k: 2}]"))).isEqualTo(2);
        assertThat(cli.err()).contains("no records");
    }

    @Test
    void unknownPolicyKeyIsExit2NamingIt() throws IOException {
        assertThat(run(policy("[{type: k-anonymity, k: 2}]") + "suppresion_limit: 0.1\n")).isEqualTo(2);
        assertThat(cli.err()).contains("policy.yaml: suppresion_limit: unknown key");
    }

    /** The test table as Parquet with its own types: zip and disease strings, age a 32-bit integer. */
    private Path writeTypedParquet() throws IOException {
        MessageType schema = Types.buildMessage()
                .required(PrimitiveType.PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("zip")
                .required(PrimitiveType.PrimitiveTypeName.INT32).named("age")
                .optional(PrimitiveType.PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType())
                .named("disease")
                .named("table");
        Path file = dir.resolve("table.parquet");
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(schema)
                .build()) {
            for (String line : Files.readAllLines(dir.resolve("table.csv")).subList(1, 11)) {
                String[] f = line.split(";");
                writer.write(groups.newGroup().append("zip", f[0]).append("age", Integer.parseInt(f[1]))
                        .append("disease", f[2]));
            }
        }
        return file;
    }

    private List<String> csvRows(Path file) throws IOException {
        return Files.readAllLines(file);
    }

    private static List<String> rows(org.uepdeid.anonymizer.table.CsvTable table) {
        List<String> rows = new java.util.ArrayList<>();
        rows.add(String.join(";", table.header()));
        table.rows().forEach(r -> rows.add(String.join(";", r)));
        return rows;
    }

    @Test
    void readsParquetWithoutSparkAndGivesWhatTheSameCsvGives() throws IOException {
        String policy = policy("[{type: k-anonymity, k: 2}]");
        assertThat(run(policy, "--output", dir.resolve("from-csv.csv").toString())).as(cli.err()).isZero();
        JsonNode fromCsv = new ObjectMapper().readTree(dir.resolve("result.json").toFile());
        Path parquet = writeTypedParquet();

        Files.writeString(dir.resolve("policy.yaml"), policy);
        int exit = cli.execute("anonymize-table", "--input", parquet.toString(), "--policy",
                dir.resolve("policy.yaml").toString(), "--result", dir.resolve("result.json").toString(),
                "--output", dir.resolve("from-parquet.csv").toString(), "--delimiter", ";");

        assertThat(exit).as(cli.err()).isZero();
        JsonNode fromParquet = new ObjectMapper().readTree(dir.resolve("result.json").toFile());
        assertThat(fromParquet.get("levels")).isEqualTo(fromCsv.get("levels"));
        assertThat(fromParquet.get("information_loss")).isEqualTo(fromCsv.get("information_loss"));
        assertThat(csvRows(dir.resolve("from-parquet.csv"))).isEqualTo(csvRows(dir.resolve("from-csv.csv")));
    }

    @Test
    void writesParquetWhenTheOutputSaysSo() throws IOException {
        String policy = policy("[{type: k-anonymity, k: 2}]");
        assertThat(run(policy, "--output", dir.resolve("out.csv").toString())).as(cli.err()).isZero();

        int exit = run(policy, "--output", dir.resolve("out.parquet").toString());

        assertThat(exit).as(cli.err()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("out.parquet"))).startsWith((byte) 'P', (byte) 'A', (byte) 'R', (byte) '1');
        assertThat(rows(ParquetTable.read(dir.resolve("out.parquet")))).isEqualTo(csvRows(dir.resolve("out.csv")));
    }

    @Test
    void aFileNamedParquetThatIsNotExitsTwoNamingIt() throws IOException {
        Files.writeString(dir.resolve("fake.parquet"), "zip;age\n13053;28\n");
        Files.writeString(dir.resolve("policy.yaml"), policy("[{type: k-anonymity, k: 2}]"));

        int exit = cli.execute("anonymize-table", "--input", dir.resolve("fake.parquet").toString(), "--policy",
                dir.resolve("policy.yaml").toString(), "--result", dir.resolve("result.json").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(cli.err()).contains("fake.parquet").contains("not a Parquet file");
    }
}
