package org.uepdeid.anonymizer.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Typed reads of JSON and YAML: one rule for numbers, one error format naming document, key path and value. */
class DocumentNodeTest {

    @TempDir
    Path dir;

    private static DocumentNode yaml(String text) {
        return DocumentNode.parse(text.getBytes(StandardCharsets.UTF_8), "p.yaml", DocumentNode.Format.YAML);
    }

    @Test
    void aWholeNumberIsANumberWithoutAFractionWhicheverWayItIsWritten() {
        DocumentNode doc = yaml("a: 3\nb: 3.0\nc: 3.5\nd: '3'\ne: 3.0e+2\ng: 5000000000\n");

        assertThat(doc.get("a").wholeNumber()).isEqualTo(3);
        assertThat(doc.get("b").wholeNumber()).isEqualTo(3);
        assertThat(doc.get("e").wholeNumber()).isEqualTo(300);
        assertThat(doc.get("g").longWholeNumber()).isEqualTo(5_000_000_000L);
        assertThatThrownBy(() -> doc.get("c").wholeNumber()).isInstanceOf(DocumentException.class)
                .hasMessage("p.yaml: c: must be a whole number, got 3.5");
        assertThatThrownBy(() -> doc.get("d").wholeNumber()).hasMessage("p.yaml: d: must be a whole number, got \"3\"");
        assertThatThrownBy(() -> doc.get("g").wholeNumber()).hasMessageContaining("must be a whole number");
        assertThat(doc.get("c").number()).isEqualTo(3.5);
    }

    @Test
    void errorsNameTheFullPathThroughMappingsAndLists() {
        DocumentNode doc = yaml("anonymization:\n  privacy_models:\n    - {type: k-anonymity, k: ten}\n");
        DocumentNode model = doc.get("anonymization").get("privacy_models").list().get(0);

        assertThat(model.path()).isEqualTo("anonymization.privacy_models[0]");
        assertThatThrownBy(() -> model.get("k").wholeNumber())
                .hasMessage("p.yaml: anonymization.privacy_models[0].k: must be a whole number, got \"ten\"");
        assertThatThrownBy(() -> model.get("l"))
                .hasMessage("p.yaml: anonymization.privacy_models[0].l: is required");
    }

    @Test
    void anUnknownKeyIsNamedWithTheKnownOnes() {
        DocumentNode doc = yaml("k: 5\nsuppresion_limit: 0.1\n");

        assertThatThrownBy(() -> doc.mapping(List.of("suppression_limit", "k")))
                .hasMessage("p.yaml: suppresion_limit: unknown key; known keys: k, suppression_limit");
    }

    @Test
    void nullReadsAsAbsentAndDefaultsApplyToBoth() {
        DocumentNode doc = yaml("a: null\nb: 0.5\n");

        assertThat(doc.has("a")).isFalse();
        assertThat(doc.number("a", 0.2)).isEqualTo(0.2);
        assertThat(doc.number("missing", 0.2)).isEqualTo(0.2);
        assertThat(doc.number("b", 0.2)).isEqualTo(0.5);
        assertThatThrownBy(() -> doc.get("a")).hasMessage("p.yaml: a: is required");
    }

    @Test
    void valuesShowAsWrittenAndContainersByTheirKind() {
        DocumentNode doc = yaml("t: {x: 1}\nl: [1, 2]\nb: yes please\nflag: true\n");

        assertThatThrownBy(() -> doc.get("t").text()).hasMessage("p.yaml: t: must be non-blank text, got a mapping");
        assertThatThrownBy(() -> doc.get("l").bool()).hasMessage("p.yaml: l: must be true or false, got a list");
        assertThatThrownBy(() -> doc.get("b").bool())
                .hasMessage("p.yaml: b: must be true or false, got \"yes please\"");
        assertThat(doc.get("flag").bool()).isTrue();
    }

    @Test
    void aRepeatedKeyIsAnErrorNotALastOneWins() {
        assertThatThrownBy(() -> yaml("k: 5\nk: 50\n")).isInstanceOf(DocumentException.class)
                .hasMessageStartingWith("p.yaml: is not valid YAML at line 2");
    }

    @Test
    void filesAreReadAsJsonOrYamlByTheirNameAndAMissingOneIsNamed() throws IOException {
        Path json = Files.writeString(dir.resolve("policy.json"), "{\"k\": 5}");
        Path yaml = Files.writeString(dir.resolve("policy.yaml"), "k: 5\n");
        Path broken = Files.writeString(dir.resolve("broken.json"), "k: 5\n");

        assertThat(DocumentNode.read(json).get("k").wholeNumber()).isEqualTo(5);
        assertThat(DocumentNode.read(yaml).get("k").wholeNumber()).isEqualTo(5);
        assertThatThrownBy(() -> DocumentNode.read(broken)).hasMessageStartingWith(broken + ": is not valid JSON");
        assertThatThrownBy(() -> DocumentNode.read(dir.resolve("absent.yaml")))
                .isInstanceOf(UserInputException.class).hasMessage(dir.resolve("absent.yaml") + ": does not exist");
    }

    @Test
    void aDocumentThePipelineWroteIsNotQuotedWhenItDoesNotParse() {
        byte[] damaged = "{\"run_id\": \"r\", 13800138000".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> DocumentNode.parse(damaged, "m.json", DocumentNode.Format.JSON))
                .hasMessageStartingWith("m.json: is not valid JSON at line 1").hasMessageNotContaining("13800138000");
    }
}
