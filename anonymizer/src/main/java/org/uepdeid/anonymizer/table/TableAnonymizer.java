package org.uepdeid.anonymizer.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.uepdeid.anonymizer.AnonymizationResult;
import org.uepdeid.anonymizer.Anonymizer;
import org.uepdeid.anonymizer.data.FrequencyTable;
import org.uepdeid.anonymizer.data.FrequencyTableBuilder;
import org.uepdeid.anonymizer.hierarchy.Hierarchy;
import org.uepdeid.anonymizer.input.UserInputException;
import org.uepdeid.anonymizer.policy.Policy;
import org.uepdeid.anonymizer.policy.PolicySpec;

/**
 * Anonymizes an in-memory table the way ARX does: encode the quasi-identifiers through their hierarchies, search, then
 * write every record generalized to the chosen levels, with {@code *} in every quasi-identifier of suppressed records.
 * Columns the policy does not name pass through unchanged.
 */
public final class TableAnonymizer {

    private TableAnonymizer() {
    }

    /** The result of the search and the anonymized table (null when no transformation satisfies the models). */
    public record Outcome(Policy policy, AnonymizationResult result, CsvTable output) {
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
        int[][] codes = new int[table.rows().size()][];
        for (int r = 0; r < codes.length; r++) {
            String[] row = table.rows().get(r);
            codes[r] = new int[qiColumns.length];
            for (int j = 0; j < qiColumns.length; j++) {
                codes[r][j] = hierarchies.get(j).rowOf(row[qiColumns[j]]); // present: resolve() checked the domain
            }
            builder.add(codes[r], sensitiveColumn < 0 ? 0 : sensitiveCodes.get(row[sensitiveColumn]), 1, r);
        }
        AnonymizationResult result = Anonymizer.anonymize(builder.build(), policy);
        return new Outcome(policy, result, result.hasSolution() ? generalize(table, qiColumns, codes, hierarchies, result) : null);
    }

    private static CsvTable generalize(CsvTable table, int[] qiColumns, int[][] codes, List<Hierarchy> hierarchies,
                                       AnonymizationResult result) {
        int[] levels = result.levels();
        FrequencyTable.ClassLookup lookup = result.chosen().classes().lookup();
        boolean[] suppressed = result.chosen().suppressed();
        List<String[]> out = new ArrayList<>(codes.length);
        int[] key = new int[qiColumns.length];
        for (int r = 0; r < codes.length; r++) {
            for (int j = 0; j < key.length; j++) {
                key[j] = hierarchies.get(j).labelOf(codes[r][j], levels[j]);
            }
            boolean drop = suppressed[lookup.positionOf(key)];
            String[] row = table.rows().get(r).clone();
            for (int j = 0; j < key.length; j++) {
                row[qiColumns[j]] = drop ? "*" : hierarchies.get(j).label(levels[j], key[j]);
            }
            out.add(row);
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
