package org.uepdeid.anonymizer.hierarchy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/** Turns a data domain and a rule that generalizes one value into a validated hierarchy: what every builder shares. */
final class DomainRows {

    /** The top level of every built hierarchy: the value fully suppressed, as ARX writes it. */
    static final String ROOT = "*";

    private DomainRows() {
    }

    /** A value that a rule cannot generalize; the reason completes the sentence "value 'x' ...". */
    static final class Rejected extends RuntimeException {
        Rejected(String reason) {
            // Always caught and reported with the value; a stack trace would only cost time.
            super(reason, null, false, false);
        }
    }

    /**
     * Builds a hierarchy with one row per distinct domain value: the value, the labels {@code generalize} gives it,
     * then {@link #ROOT}. Rows are sorted by the parsed key (then by text), so that they follow the domain's natural
     * order for ordered distances and for people reading them.
     *
     * @param parse reads a value into the key the rule works on; throws {@link Rejected} for a value it cannot read
     * @throws HierarchyException naming the first rejected value (and how many more there are) and why
     */
    static <K> Hierarchy build(String attribute, Collection<String> domain, String source,
            Function<String, ? extends K> parse, Comparator<? super K> order,
            Function<? super K, List<String>> generalize) {
        Map<String, K> keys = new TreeMap<>();
        Map<String, String> rejected = new TreeMap<>();
        for (String value : distinct(attribute, source, domain)) {
            try {
                keys.put(value, parse.apply(value));
            } catch (Rejected e) {
                rejected.put(value, e.getMessage());
            }
        }
        if (!rejected.isEmpty()) {
            Map.Entry<String, String> first = rejected.entrySet().iterator().next();
            throw notUsable(attribute, source, List.copyOf(rejected.keySet()), first.getValue());
        }
        List<Map.Entry<String, K>> sorted = new ArrayList<>(keys.entrySet());
        sorted.sort(Map.Entry.<String, K>comparingByValue(order).thenComparing(Map.Entry.comparingByKey()));
        List<List<String>> rows = new ArrayList<>(sorted.size());
        for (Map.Entry<String, K> entry : sorted) {
            List<String> row = new ArrayList<>();
            row.add(entry.getKey());
            row.addAll(generalize.apply(entry.getValue()));
            row.add(ROOT);
            rows.add(row);
        }
        return Hierarchy.of(attribute, rows, source);
    }

    /** The domain without repeats, in first-seen order; a null is an error because no hierarchy row can hold it. */
    static Set<String> distinct(String attribute, String source, Collection<String> domain) {
        Set<String> values = new LinkedHashSet<>(domain.size() * 2);
        for (String value : domain) {
            if (value == null) {
                throw HierarchyException.in(attribute, source,
                        "the domain contains null; map missing values to a label before building the hierarchy");
            }
            values.add(value);
        }
        return values;
    }

    /**
     * The error for values that cannot be used: names the first and counts the rest, so a domain with thousands of
     * bad values still gives a message one can read.
     */
    static HierarchyException notUsable(String attribute, String source, List<String> values, String reason) {
        String more = values.size() == 1 ? "" : " (and " + (values.size() - 1) + " more values)";
        return HierarchyException.in(attribute, source, "value '" + values.get(0) + "' " + reason + more);
    }
}
