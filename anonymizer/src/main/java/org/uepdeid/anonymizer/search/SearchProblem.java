package org.uepdeid.anonymizer.search;

import java.util.ArrayList;
import java.util.List;
import org.uepdeid.anonymizer.data.FrequencyTable;
import org.uepdeid.anonymizer.hierarchy.Hierarchy;
import org.uepdeid.anonymizer.metric.MetricContext;
import org.uepdeid.anonymizer.metric.NodeScorer;
import org.uepdeid.anonymizer.model.ClassCriterion;
import org.uepdeid.anonymizer.model.ClassModel;
import org.uepdeid.anonymizer.model.PrivacyModel;
import org.uepdeid.anonymizer.model.SampleModel;
import org.uepdeid.anonymizer.model.SensitiveDistribution;
import org.uepdeid.anonymizer.policy.Policy;

/**
 * Everything a search needs, already bound to one table.
 *
 * @param base                  the base frequency table (hierarchy row indices)
 * @param hierarchies           one per quasi-identifier, in table order
 * @param minimalClassSize      the largest minimal class size any model demands (k, ⌈l⌉, ...)
 * @param criteria              the per-class tests of the class models
 * @param sampleModels          the risk-based models, in policy order
 * @param maxSuppressedRecords  ⌊limit·n⌋
 * @param privacyMonotonic      whether anonymity is preserved by generalization under this limit
 * @param freeOfSuppressionMonotonic whether needing no suppression at all is preserved by generalization: every model
 *                              is monotonic when nothing may be suppressed (merging classes that pass gives a class
 *                              that passes), and none is risk-based (whose cut depends on the whole table)
 * @param metricMonotonic       whether loss never falls under generalization (for anonymous nodes)
 * @param scorer                the metric bound to this table
 * @param cacheBytes            how much heap the class-table cache may use
 */
record SearchProblem(FrequencyTable base, List<Hierarchy> hierarchies, int minimalClassSize,
                     List<ClassCriterion> criteria, List<SampleModel> sampleModels, long maxSuppressedRecords,
                     boolean privacyMonotonic, boolean freeOfSuppressionMonotonic, boolean metricMonotonic,
                     NodeScorer scorer, long cacheBytes) {

    /** Binds a policy's models and metric to a table whose dimensions follow the policy's quasi-identifiers. */
    public static SearchProblem of(FrequencyTable table, Policy policy) {
        long maxSuppressed = (long) Math.floor(policy.suppressionLimit() * table.records());
        boolean suppressionAllowed = maxSuppressed > 0;
        SensitiveDistribution distribution = table.sensitive() == null ? null
                : new SensitiveDistribution(table.sensitive().attribute(), table.sensitive().values(),
                table.sensitiveTotals(), table.records());
        int minimalSize = 1;
        List<ClassCriterion> criteria = new ArrayList<>();
        List<SampleModel> sampleModels = new ArrayList<>();
        boolean privacyMonotonic = true;
        boolean freeOfSuppressionMonotonic = true;
        for (PrivacyModel model : policy.models()) {
            privacyMonotonic &= model.isMonotonic(suppressionAllowed);
            freeOfSuppressionMonotonic &= model.isMonotonic(false) && !(model instanceof SampleModel);
            // A completely generalized class is ignored by the risk-based models (METRICS.md §10); below the top, where
            // a hierarchy has a "*" label at a lower level, ignoring it can raise the risk of the rest.
            privacyMonotonic &= !(model instanceof SampleModel) || policy.quasiIdentifiers().stream()
                    .noneMatch(SearchProblem::hasRootLabelBelowTop);
            if (model instanceof ClassModel cm) {
                minimalSize = Math.max(minimalSize, cm.minimalClassSize());
                if (cm.sensitiveAttribute() != null) {
                    criteria.add(cm.bind(distribution));
                }
            } else if (model instanceof SampleModel sm) {
                sampleModels.add(sm);
            }
        }
        NodeScorer scorer = policy.metric().bind(
                new MetricContext(policy.quasiIdentifiers(), table, policy.normalizedWeights()));
        return new SearchProblem(table, policy.quasiIdentifiers(), minimalSize, criteria, sampleModels, maxSuppressed,
                privacyMonotonic, freeOfSuppressionMonotonic, policy.metric().isMonotonic(suppressionAllowed), scorer,
                cacheBudget(table));
    }

    /**
     * Enough cached class tables to roll most nodes up from a near predecessor, and no more: cached tables survive
     * young collections, so every one is copied again and again. On eleven adult cases a quarter of an 8 GB heap
     * took 1.7× as long in total as 64 MB (scripts/bench.sh anonymizer, G1). Large tables get 16 base tables' worth,
     * within a quarter of the heap.
     */
    private static long cacheBudget(FrequencyTable table) {
        return Math.min(Runtime.getRuntime().maxMemory() / 4, Math.max(64L << 20, 16 * table.footprintBytes()));
    }

    private static boolean hasRootLabelBelowTop(Hierarchy h) {
        for (int level = 0; level < h.height(); level++) {
            for (int label = 0; label < h.labelCount(level); label++) {
                if ("*".equals(h.label(level, label))) {
                    return true;
                }
            }
        }
        return false;
    }

    public SearchProblem {
        hierarchies = List.copyOf(hierarchies);
        criteria = List.copyOf(criteria);
        sampleModels = List.copyOf(sampleModels);
    }

    public GeneralizationLattice lattice() {
        return new GeneralizationLattice(hierarchies.stream().mapToInt(Hierarchy::height).toArray());
    }
}
