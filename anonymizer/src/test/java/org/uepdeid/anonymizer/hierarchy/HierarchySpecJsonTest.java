package org.uepdeid.anonymizer.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.uepdeid.anonymizer.hierarchy.HierarchyAssertions.labelsOf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.uepdeid.anonymizer.hierarchy.HierarchySpec.CsvFile;
import org.uepdeid.anonymizer.hierarchy.HierarchySpec.Dates;
import org.uepdeid.anonymizer.hierarchy.HierarchySpec.Dates.Granularity;
import org.uepdeid.anonymizer.hierarchy.HierarchySpec.Intervals;
import org.uepdeid.anonymizer.hierarchy.HierarchySpec.Masking;
import org.uepdeid.anonymizer.hierarchy.HierarchySpec.OrderedGroups;
import org.uepdeid.anonymizer.hierarchy.HierarchySpec.OrderedGroups.Group;
import org.uepdeid.anonymizer.input.DocumentException;
import org.uepdeid.anonymizer.input.DocumentNode;

class HierarchySpecJsonTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Path CONFIG_DIR = Path.of("/etc/uep-deid");

    @Test
    void textIsACsvPathRelativeToTheConfigFolder() {
        assertThat(parse("hierarchies/age.csv", "age"))
                .isEqualTo(new CsvFile(Path.of("/etc/uep-deid/hierarchies/age.csv"), ';'));
        assertThat(parse("/data/age.csv", "age")).isEqualTo(new CsvFile(Path.of("/data/age.csv"), ';'));
    }

    @Test
    void csvObjectTakesFileAndDelimiter() {
        assertThat(parse("{type: csv, file: cpu.csv, delimiter: ','}", "cpu_model"))
                .isEqualTo(new CsvFile(CONFIG_DIR.resolve("cpu.csv"), ','));
        assertThat(parse("{type: csv, file: cpu.csv}", "cpu_model"))
                .isEqualTo(new CsvFile(CONFIG_DIR.resolve("cpu.csv"), ';'));
    }

    @Test
    void intervalsDefaultToLinearScaleAndFanoutTwo() {
        assertThat(parse("{type: intervals, min: 0, max: 1048576, width: 1024}", "memory_mb"))
                .isEqualTo(Intervals.linear(dec("0"), dec("1048576"), dec("1024"), 2));
        assertThat(parse("{type: intervals, min: -0.5, max: '1.5', width: 0.25, fanout: 4}", "ratio"))
                .isEqualTo(Intervals.linear(dec("-0.5"), dec("1.5"), dec("0.25"), 4));
        assertThat(parse("{type: intervals, scale: log2, min: 1024, max: 1048576}", "memory_mb"))
                .isEqualTo(Intervals.log2(dec("1024"), dec("1048576"), 2));
    }

    @Test
    void datesDefaultToMonthThenYear() {
        assertThat(parse("{type: dates}", "last_update"))
                .isEqualTo(new Dates(List.of(Granularity.MONTH, Granularity.YEAR)));
        assertThat(parse("{type: dates, levels: [day, year, decade]}", "bios_date"))
                .isEqualTo(new Dates(List.of(Granularity.DAY, Granularity.YEAR, Granularity.DECADE)));
    }

    @Test
    void maskingTakesSeparatorLevelsAndMask() {
        assertThat(parse("{type: masking, separator: '.', levels: 3}", "ip_prefix")).isEqualTo(new Masking('.', 3));
        assertThat(parse("{type: masking, separator: _, levels: 1, mask: ''}", "language"))
                .isEqualTo(new Masking('_', 1, ""));
    }

    @Test
    void groupsReadLevelsInOrderAndTheOtherLabel() {
        String yaml = """
                type: groups
                other: Other
                levels:
                  - Core i5: [i5-8250U, i5-1135G7]
                    Ryzen 5: [Ryzen 5 3500U]
                  - Intel: [Core i5]
                    AMD: [Ryzen 5]
                """;

        HierarchySpec spec = parse(yaml, "cpu_model");

        assertThat(spec).isEqualTo(new OrderedGroups(List.of(
                List.of(new Group("Core i5", List.of("i5-8250U", "i5-1135G7")),
                        new Group("Ryzen 5", List.of("Ryzen 5 3500U"))),
                List.of(new Group("Intel", List.of("Core i5")), new Group("AMD", List.of("Ryzen 5")))), "Other"));
        assertThat(labelsOf(spec.build("cpu_model", List.of("i5-8250U", "M1")), "M1"))
                .containsExactly("Other", "Other", "*");
    }

    @Test
    void everyExampleOfTheYamlFormsBuildsAHierarchy() {
        String config = """
                cpu_cores: {type: intervals, min: 1, max: 64, width: 4, fanout: 2}
                memory_mb: {type: intervals, scale: log2, min: 1024, max: 1048576}
                last_update: {type: dates, levels: [month, year]}
                ip_prefix: {type: masking, separator: ".", levels: 3}
                language: {type: masking, separator: "_", levels: 1, mask: ""}
                cpu_family:
                  type: groups
                  other: Other
                  levels:
                    - {Core i5: [i5-8250U, i5-1135G7], Ryzen 5: [Ryzen 5 3500U]}
                    - {Intel: [Core i5], AMD: [Ryzen 5], Other: [Other]}
                """;
        JsonNode root = read(config);

        assertThat(labelsOf(build(root, "cpu_cores", "62"), "62")).first().isEqualTo("[61, 64)");
        assertThat(labelsOf(build(root, "cpu_family", "Apple M1"), "Apple M1")).containsExactly("Other", "Other", "*");
        assertThat(labelsOf(build(root, "memory_mb", "16384"), "16384")).first().isEqualTo("[16384, 32768)");
        assertThat(labelsOf(build(root, "last_update", "2026-11-27"), "2026-11-27"))
                .containsExactly("2026-11", "2026", "*");
        assertThat(labelsOf(build(root, "ip_prefix", "10.3.22.7"), "10.3.22.7"))
                .containsExactly("10.3.22.*", "10.3.*", "10.*", "*");
        assertThat(labelsOf(build(root, "language", "zh_CN"), "zh_CN")).containsExactly("zh", "*");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {type: ranges, min: 0}                                  | type: must be one of [csv, dates, groups, intervals, masking], got "ranges"
            {min: 0, max: 10}                                       | type: is required
            {type: 3}                                               | type: must be non-blank text, got 3
            {type: intervals, max: 10, width: 1}                    | min: is required
            {type: intervals, min: 0, max: 10, width: abc}          | width: must be a number, got "abc"
            {type: intervals, min: 0, max: 10, width: 1, fanout: 2.5} | fanout: must be a whole number, got 2.5
            {type: intervals, min: 0, max: 10, width: 1, scale: log}  | scale: must be linear or log2, got "log"
            {type: intervals, min: 0, max: 10, widht: 1}            | widht: unknown key; known keys: fanout, max, min, scale, type, width
            {type: intervals, min: 0, max: 10, width: -5}           | type intervals: width must be positive, got -5
            {type: intervals, scale: log2, min: 0, max: 10}         | type intervals: min must be positive for scale log2, got 0
            {type: dates, levels: [month, week]}                    | levels[1]: must be one of day, month, year, decade, got "week"
            {type: dates, levels: month}                            | levels: must be a list, got "month"
            {type: dates, levels: [year, month]}                    | type dates: levels must go from fine to coarse without repeats, got [year, month]
            {type: masking, separator: '::', levels: 2}             | separator: must be a single character, got "::"
            {type: masking, separator: '.'}                         | levels: is required
            {type: masking, separator: '.', levels: 0}              | type masking: levels must be at least 1, got 0
            {type: masking, separator: '.', levels: 2, mask: 0}     | mask: must be text, got 0
            {type: csv}                                             | file: is required
            {type: csv, file: ' '}                                  | file: must be a file path, got " "
            {type: csv, file: a.csv, delimiter: ';;'}               | delimiter: must be a single character, got ";;"
            {type: groups}                                          | levels: is required
            {type: groups, levels: [[a, b]]}                        | levels[0]: must be a mapping of keys to values, got a list
            {type: groups, levels: [{A: x}]}                        | levels[0].A: must be a list, got "x"
            {type: groups, levels: [{A: [1.10]}]}                   | levels[0].A[0]: must be text; quote it
            {type: groups, levels: [{A: [x]}, {B: [y]}]}            | type groups: levels: level 2 lists 'y', which is no group at level 1
            [a.csv]                                                 | must be a CSV file path or a mapping with a 'type', got a list
            """)
    void badConfigIsRejectedNamingAttributeKeyAndValue(String yaml, String problem) {
        assertThatThrownBy(() -> parse(yaml, "memory_mb"))
                .isInstanceOf(DocumentException.class)
                .hasMessageStartingWith("hierarchy config of 'memory_mb': " + problem);
    }

    @Test
    void notANumberIsRejectedEvenWhenTheParserAllowsIt() {
        ObjectNode node = JsonNodeFactory.instance.objectNode()
                .put("type", "intervals").put("min", 0).put("max", 10).put("width", Double.NaN);

        assertThatThrownBy(() -> HierarchySpec.fromJson(node, CONFIG_DIR, "ratio"))
                .isInstanceOf(DocumentException.class)
                .hasMessage("hierarchy config of 'ratio': width: must be a number, got \"NaN\"");
    }

    @Test
    void missingNodeIsRejectedNamingTheAttribute() {
        assertThatThrownBy(() -> HierarchySpec.fromJson(read("{}").get("age"), CONFIG_DIR, "age"))
                .isInstanceOf(DocumentException.class)
                .hasMessage("hierarchy config of 'age': must be a CSV file path or a mapping with a 'type', "
                        + "got nothing");
    }

    @Test
    void inAPolicyTheErrorNamesTheFileAndTheFullKeyPath() {
        DocumentNode policy = DocumentNode.parse("quasi_identifiers: [{name: age, hierarchy: {type: dates, levels: [week]}}]"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), "policy.yaml", DocumentNode.Format.YAML);

        assertThatThrownBy(() -> HierarchySpec.read(policy.get("quasi_identifiers").list().get(0).get("hierarchy"),
                CONFIG_DIR)).hasMessage("policy.yaml: quasi_identifiers[0].hierarchy.levels[0]: must be one of day, "
                + "month, year, decade, got \"week\"");
    }

    private static HierarchySpec parse(String yaml, String attribute) {
        return HierarchySpec.fromJson(read(yaml), CONFIG_DIR, attribute);
    }

    private static Hierarchy build(JsonNode config, String attribute, String value) {
        return HierarchySpec.fromJson(config.get(attribute), CONFIG_DIR, attribute).build(attribute, List.of(value));
    }

    private static JsonNode read(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("test YAML does not parse: " + yaml, e);
        }
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }
}
