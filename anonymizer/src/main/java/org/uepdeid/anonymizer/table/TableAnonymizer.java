package org.uepdeid.anonymizer.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.uepdeid.anonymizer.AnonymizationResult;
import org.uepdeid.anonymizer.Anonymizer;
import org.uepdeid.anonymizer.Transformation;
import org.uepdeid.anonymizer.data.FrequencyTable;
import org.uepdeid.anonymizer.data.FrequencyTableBuilder;
import org.uepdeid.anonymizer.hierarchy.Hierarchy;
import org.uepdeid.anonymizer.input.UserInputException;
import org.uepdeid.anonymizer.policy.Policy;
import org.uepdeid.anonymizer.policy.PolicySpec;

/**
 * Anonymizes an in-memory table the way ARX does: encode the quasi-identifiers through their hierarchies, search, then
 * write every record as the chosen {@link Transformation} publishes it ({@code *} in every quasi-identifier of a
 * suppressed record).
 * Columns the policy does not name pass through unchanged.
 */
public final class TableAnonymizer {

    private TableAnonymizer() {
    }

    /**
     * The engine's input (the frequency table), the result of the search and the anonymized table (null when no
     * transformation satisfies the models).
     */
    public record Outcome(Policy policy, FrequencyTable table, AnonymizationResult result, CsvTable output) {
    }

    public static Outcome anonymize(CsvTable table, PolicySpec spec) {
        if (table.rows().isEmpty()) {
            throw new UserInputException("the table has no records: there is nothing to anonymize");
        }
        List<String> qiNames = spec.quasiIdentifierNames();
        int[] qiColumns = qiNames.stream().mapToInt(name -> table.column(name, "quasi-identifier")).toArray();
        String sensitive = spec.sensitive();
        int sensitiveColumn = sensitive == null ? -1 : table.column(sensitive, "sensitive attribute");
        Policy policy = spec.resolve(attribute -> distinct(table, table.column(attribute, "attribute")));
        List<Hierarchy> hierarchies = policy.quasiIdentifiers();

        FrequencyTable.SensitiveValues sensitiveValues = null;
        Map<String, Integer> sensitiveCodes = new LinkedHashMap<>();
        if (sensitiveColumn >= 0) {
            for (String v : distinct(table, sensitiveColumn)) {
                sensitiveCodes.put(v, sensitiveCodes.size());
            }
            sensitiveValues = new FrequencyTable.SensitiveValues(sensitive, new ArrayList<>(sensitiveCodes.keySet()));
        }
        FrequencyTableBuilder builder = FrequencyTable.builder(qiColumns.length, sensitiveValues);
        int[] codes = new int[qiColumns.length];
        for (int r = 0; r < table.rows().size(); r++) {
            String[] row = table.rows().get(r);
            for (int j = 0; j < qiColumns.length; j++) {
                codes[j] = hierarchies.get(j).rowOf(row[qiColumns[j]]); // present: resolve() checked the domain
            }
            builder.add(codes, sensitiveColumn < 0 ? 0 : sensitiveCodes.get(row[sensitiveColumn]), 1, r);
        }
        FrequencyTable frequencies = builder.build();
        AnonymizationResult result = Anonymizer.anonymize(frequencies, policy);
        return new Outcome(policy, frequencies, result,
                result.hasSolution() ? generalize(table, qiColumns, result.transformation()) : null);
    }

    private static CsvTable generalize(CsvTable table, int[] qiColumns, Transformation transformation) {
        List<String[]> out = new ArrayList<>(table.rows().size());
        List<String> values = new ArrayList<>(qiColumns.length);
        for (String[] row : table.rows()) {
            values.clear();
            for (int column : qiColumns) {
                values.add(row[column]);
            }
            List<String> published = transformation.generalize(values);
            String[] copy = row.clone();
            for (int j = 0; j < qiColumns.length; j++) {
                copy[qiColumns[j]] = published.get(j);
            }
            out.add(copy);
        }
        return new CsvTable(table.header(), out);
    }

    private static Set<String> distinct(CsvTable table, int column) {
        Set<String> values = new LinkedHashSet<>();
        for (String[] row : table.rows()) {
            values.add(row[column]);
        }
        return values;
    }
}
