package org.uepdeid.jobs.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.spark.sql.types.StructField;

/**
 * The column allow-list: every published column is one the release declares, and nothing else lies in the folder.
 *
 * <p>Declared means listed in the manifest's {@code schema} (names, or {@code {name, type}} whose type must then match)
 * and, for microdata, also one of the policy's quasi-identifiers or its sensitive column: a column added to both the
 * data and its manifest is still refused. A declared column that is missing fails as well, the manifest then
 * describing another release. Files other than Parquet parts, the manifest and their Hadoop checksums fail, as
 * verify would not have read them.
 */
final class SchemaAllowListCheck implements Check {

    static final String NAME = "schema_allow_list";

    private static final Pattern EXPECTED_FILE =
            Pattern.compile("[^_.][^/]*\\.parquet|_SUCCESS|_manifest\\.json|\\.[^/]+\\.crc");

    @Override
    public List<CheckResult> evaluate(Evidence evidence) {
        Map<String, String> declared = declared(evidence);
        List<String> offending = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        if (declared == null) {
            findings.add("the manifest declares no schema");
        }
        int extra = 0;
        int mistyped = 0;
        for (StructField field : evidence.rows().schema().fields()) {
            boolean allowed = declared != null && declared.containsKey(field.name())
                    && (evidence.output().kind() != OutputKind.MICRODATA
                    || evidence.policy().microdataColumns().contains(field.name()));
            if (!allowed) {
                extra++;
                offending.add(SampleMask.mask(field.name()));
            } else if (declared.get(field.name()) != null
                    && !declared.get(field.name()).equals(field.dataType().simpleString())) {
                mistyped++;
                offending.add(SampleMask.mask(field.name()));
            }
        }
        long missing = declared == null ? 0
                : declared.keySet().stream().filter(c -> !evidence.columns().contains(c)).count();
        long strayFiles = evidence.files().stream().filter(f -> !EXPECTED_FILE.matcher(f).matches()).count();
        evidence.files().stream().filter(f -> !EXPECTED_FILE.matcher(f).matches()).map(SampleMask::mask)
                .forEach(offending::add);
        findings.add(extra + " published column(s) not declared" + (evidence.output().kind() == OutputKind.MICRODATA
                ? " by both the manifest and the policy" : " by the manifest"));
        findings.add(mistyped + " of another type than declared");
        findings.add(missing + " declared but not published");
        findings.add(strayFiles + " file(s) other than Parquet parts and the manifest");
        long problems = extra + mistyped + missing + strayFiles + (declared == null ? 1 : 0);
        return List.of(new CheckResult(NAME, evidence.target(), problems, 0, problems == 0,
                evidence.columns().size() + " columns published; " + String.join(", ", findings), offending));
    }

    /** The manifest's schema as name → type (null when only names are declared); null when there is none. */
    private static Map<String, String> declared(Evidence evidence) {
        if (!evidence.output().hasManifest()) {
            return null;
        }
        JsonNode schema = evidence.output().manifest().extra().get("schema");
        if (schema == null || !schema.isArray()) {
            return null;
        }
        Map<String, String> columns = new LinkedHashMap<>();
        for (JsonNode column : schema) {
            if (column.isTextual()) {
                columns.put(column.asText(), null);
            } else if (column.path("name").isTextual()) {
                columns.put(column.get("name").asText(), column.path("type").isTextual()
                        ? column.get("type").asText() : null);
            }
        }
        return columns;
    }
}
