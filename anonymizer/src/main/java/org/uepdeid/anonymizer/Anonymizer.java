package org.uepdeid.anonymizer;

import java.util.Arrays;
import java.util.List;
import org.uepdeid.anonymizer.data.FrequencyTable;
import org.uepdeid.anonymizer.hierarchy.Hierarchy;
import org.uepdeid.anonymizer.model.ClassModel;
import org.uepdeid.anonymizer.model.PrivacyModel;
import org.uepdeid.anonymizer.model.SensitiveDistribution;
import org.uepdeid.anonymizer.policy.Policy;
import org.uepdeid.anonymizer.risk.RiskProfile;
import org.uepdeid.anonymizer.search.Evaluation;
import org.uepdeid.anonymizer.search.LatticeSearch;
import org.uepdeid.anonymizer.search.SearchResult;

/**
 * The engine's one entry point: given a frequency table and a policy, find the transformation with the least
 * information loss that satisfies every privacy model within the suppression limit.
 */
public final class Anonymizer {

    private Anonymizer() {
    }

    /**
     * Anonymizes. The table's dimensions follow the policy's quasi-identifier order, coded as hierarchy row indices;
     * its sensitive dictionary, when the policy has a sensitive attribute, belongs to that attribute.
     *
     * @throws IllegalArgumentException if the table is empty or does not fit the policy
     */
    public static AnonymizationResult anonymize(FrequencyTable table, Policy policy) {
        List<Hierarchy> hierarchies = policy.quasiIdentifiers();
        if (table.dimensions() != hierarchies.size()) {
            throw new IllegalArgumentException("the table has " + table.dimensions() + " quasi-identifiers, the policy "
                    + hierarchies.size());
        }
        if (table.records() == 0) {
            throw new IllegalArgumentException("the table is empty: there is nothing to anonymize");
        }
        if ((policy.sensitive() != null) != (table.sensitive() != null)) {
            throw new IllegalArgumentException("the policy's sensitive attribute ("
                    + (policy.sensitive() == null ? "none" : "'" + policy.sensitive() + "'")
                    + ") does not match the table's");
        }
        long start = System.nanoTime();
        SensitiveDistribution distribution = table.sensitive() == null ? null
                : new SensitiveDistribution(table.sensitive().attribute(), table.sensitive().values(),
                table.sensitiveTotals(), table.records());

        String impossible = impossibility(policy, table, distribution);
        if (impossible != null) {
            return AnonymizationResult.none(0, elapsed(start), true, impossible);
        }

        SearchResult found = LatticeSearch.run(table, policy);
        long millis = elapsed(start);
        Evaluation best = found.best();
        if (best == null) {
            return AnonymizationResult.none(found.transformationsChecked(), millis, found.optimal(),
                    "no transformation satisfies the privacy models within the suppression limit of "
                            + found.maxSuppressedRecords() + " records");
        }
        Transformation transformation = Transformation.of(hierarchies, best.levels(), best.classes(),
                c -> best.suppressed()[c]);
        return new AnonymizationResult(transformation, best.loss(), best.suppressedRecords(), best.minClassSize(),
                RiskProfile.of(best.keptClassSizes(), policy.riskThreshold()), found.transformationsChecked(), millis,
                found.optimal(), "chose levels " + Arrays.toString(best.levels()) + " of heights "
                        + Arrays.toString(found.heights()));
    }

    /**
     * A reason no transformation can ever satisfy the models, found without searching; null if there is none. When
     * the limit allows suppressing every record, suppressing everything always satisfies them (as in ARX).
     */
    private static String impossibility(Policy policy, FrequencyTable table, SensitiveDistribution distribution) {
        if (Math.floor(policy.suppressionLimit() * table.records()) >= table.records()) {
            return null;
        }
        for (PrivacyModel model : policy.models()) {
            if (model instanceof ClassModel size && size.minimalClassSize() > table.records()) {
                return model.type() + " needs classes of " + size.minimalClassSize() + " records, the table has only "
                        + table.records();
            }
            int needed = model instanceof ClassModel cm ? cm.requiredDistinctValues() : 0;
            if (distribution != null && needed > distribution.distinctPresent()) {
                return model.type() + " needs " + needed + " distinct values of '" + distribution.attribute()
                        + "' per class, the whole table has only " + distribution.distinctPresent();
            }
        }
        return null;
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
