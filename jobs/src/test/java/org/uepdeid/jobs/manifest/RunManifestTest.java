package org.uepdeid.jobs.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uepdeid.anonymizer.input.UserInputException;

class RunManifestTest {

    private static final String SHA = "a".repeat(64);

    @TempDir
    Path dir;

    @Test
    void writesExactlyTheContractKeysPlusExtras() throws IOException {
        JsonNode json = new JsonMapper().readTree(manifest().toJson());

        assertThat(json.fieldNames()).toIterable().containsExactly("run_id", "job", "date", "code_version",
                "config_sha256", "inputs", "outputs", "accounting", "privacy", "verification", "devices");
        assertThat(json.path("accounting").fieldNames()).toIterable().containsExactly("input_lines", "accepted",
                "quarantined", "no_consent", "minors", "erased", "duplicates");
        assertThat(json.path("accounting").path("quarantined").path("bad_json").asLong()).isEqualTo(2);
        assertThat(json.path("inputs").get(0).path("rows").asLong()).isEqualTo(10);
        assertThat(json.path("privacy").isNull()).isTrue();
    }

    @Test
    void survivesAWriteAndReadThroughAFile() throws IOException {
        ManifestFile file = new ManifestFile(new Configuration());
        org.apache.hadoop.fs.Path output = new org.apache.hadoop.fs.Path(dir.toUri());

        file.write(output, manifest());

        assertThat(file.read(output)).isEqualTo(manifest());
    }

    @Test
    void aCountIsAWholeNumberNamedByItsPathInTheFile() throws IOException {
        String json = manifest().toJson();
        assertThat(json).containsOnlyOnce("\"rows\" : 10\n");
        byte[] fraction = json.replace("\"rows\" : 10\n", "\"rows\" : 10.5\n").getBytes(StandardCharsets.UTF_8);
        byte[] whole = json.replace("\"rows\" : 10\n", "\"rows\" : 10.0\n").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> RunManifest.fromJson(fraction, "x/_manifest.json"))
                .isInstanceOf(UserInputException.class)
                .hasMessage("x/_manifest.json: inputs[0].rows: must be a whole number, got 10.5");
        assertThat(RunManifest.fromJson(whole, "x/_manifest.json")).isEqualTo(manifest());
    }

    @Test
    void aMissingContractKeyIsNamedWithTheFile() {
        byte[] json = "{\"run_id\": \"r\", \"job\": \"ingest\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> RunManifest.fromJson(json, "x/_manifest.json"))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("x/_manifest.json").hasMessageContaining("date");
    }

    @Test
    void anExtraKeyMayNotShadowAContractKey() {
        assertThatThrownBy(() -> new RunManifest("r", "ingest", LocalDate.EPOCH, "dev", SHA, List.of(), List.of(),
                null, null, null, Map.of("job", JsonNodeFactory.instance.textNode("x"))))
                .hasMessageContaining("\"job\"");
    }

    @Test
    void runIdsSortByTimeAndDiffer() {
        Instant start = Instant.parse("2026-11-27T10:15:30Z");

        assertThat(RunManifest.newRunId(start)).startsWith("20261127T101530Z-")
                .isNotEqualTo(RunManifest.newRunId(start));
    }

    private static RunManifest manifest() {
        return new RunManifest("20261127T101530Z-abcdef12", "ingest", LocalDate.of(2026, 11, 27), "dev", SHA,
                List.of(new DatasetCount("landing/dt=2026-11-27/a.jsonl", 10)),
                List.of(new DatasetCount("staging/events/dt=2026-11-27", 5)),
                new Accounting(10, 5, Map.of("bad_json", 2L), 1, 1, 0, 1),
                null, JsonNodeFactory.instance.objectNode().put("status", "passed"),
                Map.of("devices", JsonNodeFactory.instance.numberNode(3)));
    }
}
