package org.uepdeid.anonymizer.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.uepdeid.anonymizer.data.FrequencyTable;
import org.uepdeid.anonymizer.data.RollUpBuffers;
import org.uepdeid.anonymizer.hierarchy.Hierarchy;
import org.uepdeid.anonymizer.metric.ClassifiedNode;
import org.uepdeid.anonymizer.metric.InformationLoss;
import org.uepdeid.anonymizer.metric.NodeScorer;
import org.uepdeid.anonymizer.model.ClassCriterion;
import org.uepdeid.anonymizer.model.SampleModel;

/**
 * Evaluates transformations: rolls the classes up from the smallest cached finer node (never rescanning records),
 * marks the classes that violate the privacy models, applies the risk-based models, decides anonymity and scores.
 */
final class NodeEvaluator {

    private final SearchProblem problem;
    private final NodeScorer scorer;
    private final int[][][][] labelMaps; // [attribute][from][to] -> label map, null when from == to
    private final int[][] starLabel; // [attribute][level] -> id of the label "*" or -1
    private final TableCache cache;
    private final RollUpBuffers buffers = new RollUpBuffers();
    private int evaluations;

    NodeEvaluator(SearchProblem problem) {
        this.problem = problem;
        this.scorer = problem.scorer();
        List<Hierarchy> hierarchies = problem.hierarchies();
        int m = hierarchies.size();
        this.labelMaps = new int[m][][][];
        this.starLabel = new int[m][];
        for (int j = 0; j < m; j++) {
            Hierarchy h = hierarchies.get(j);
            labelMaps[j] = new int[h.height() + 1][h.height() + 1][];
            starLabel[j] = new int[h.height() + 1];
            for (int from = 0; from <= h.height(); from++) {
                for (int to = from + 1; to <= h.height(); to++) {
                    labelMaps[j][from][to] = h.parentLabel(from, to);
                }
                starLabel[j][from] = -1;
                for (int label = 0; label < h.labelCount(from); label++) {
                    if ("*".equals(h.label(from, label))) {
                        starLabel[j][from] = label;
                    }
                }
            }
        }
        this.cache = new TableCache(problem.base(), problem.cacheBytes());
    }

    int evaluations() {
        return evaluations;
    }

    /** The equivalence classes of a transformation, without judging them. */
    FrequencyTable classes(int[] levels) {
        Map.Entry<int[], FrequencyTable> source = cache.finestUsableFor(levels);
        int[] from = source.getKey();
        int m = levels.length;
        int[][] maps = new int[m][];
        boolean identity = true;
        int[] bounds = new int[m];
        for (int j = 0; j < m; j++) {
            maps[j] = labelMaps[j][from[j]][levels[j]];
            identity &= maps[j] == null;
            bounds[j] = problem.hierarchies().get(j).labelCount(levels[j]);
        }
        if (identity) {
            return source.getValue();
        }
        FrequencyTable classes = source.getValue().rollUp(maps, bounds, buffers);
        cache.put(levels, classes);
        return classes;
    }

    Evaluation evaluate(int[] levels) {
        return evaluate(levels, classes(levels));
    }

    /** Judges a transformation whose classes are already rolled up. */
    Evaluation evaluate(int[] levels, FrequencyTable classes) {
        evaluations++;
        int size = classes.size();
        boolean[] suppressed = new boolean[size];
        long suppressedRecords = 0;
        int kMin = problem.minimalClassSize();
        List<ClassCriterion> criteria = problem.criteria();
        int[] histograms = classes.histograms();
        int m = classes.sensitive() == null ? 0 : classes.sensitive().size();
        long undersized = 0;
        for (int c = 0; c < size; c++) {
            int count = classes.count(c);
            boolean ok = count >= kMin;
            if (!ok) {
                undersized += count;
            }
            for (int i = 0; ok && i < criteria.size(); i++) {
                ok = criteria.get(i).isSatisfied(count, histograms, c * m);
            }
            if (!ok) {
                suppressed[c] = true;
                suppressedRecords += count;
            }
        }
        if (!problem.sampleModels().isEmpty()) {
            suppressedRecords += applySampleModels(levels, classes, suppressed);
        }
        boolean anonymous = suppressedRecords <= problem.maxSuppressedRecords();
        InformationLoss loss = anonymous
                ? scorer.score(new ClassifiedNode(levels, classes, suppressed, suppressedRecords))
                : null;
        return new Evaluation(levels, anonymous, loss, classes, suppressed, suppressedRecords, undersized);
    }

    /**
     * METRICS.md §10: among the kept classes that are not completely generalized, cut the smallest (ties: the class's
     * own loss where the metric defines one, then the first input row) until every risk-based model holds. Each
     * model's verdict depends on sizes alone, so the cut is found by walking the sizes upwards; only the classes of
     * the size where it ends are ordered, to choose which of them go.
     */
    private long applySampleModels(int[] levels, FrequencyTable classes, boolean[] suppressed) {
        int size = classes.size();
        boolean[] candidate = new boolean[size];
        long records = 0;
        long uniques = 0;
        long classCount = 0;
        int largest = 0;
        for (int c = 0; c < size; c++) {
            if (!suppressed[c] && !isCompletelyGeneralized(levels, classes, c)) {
                int count = classes.count(c);
                candidate[c] = true;
                records += count;
                uniques += count == 1 ? 1 : 0;
                classCount++;
                largest = Math.max(largest, count);
            }
        }
        if (fulfilled(records, classCount, uniques)) {
            return 0;
        }
        int[] ofSize = new int[largest + 1];
        for (int c = 0; c < size; c++) {
            if (candidate[c]) {
                ofSize[classes.count(c)]++;
            }
        }
        // The last size cut from, and how many of its classes go; every smaller class goes. Suppressing every class
        // fulfils every model, so the walk ends.
        int boundary = 0;
        int partial = 0;
        for (int s = 1; s <= largest && boundary == 0; s++) {
            for (int i = 1; i <= ofSize[s]; i++) {
                if (fulfilled(records - (long) i * s, classCount - i, uniques - (s == 1 ? i : 0))) {
                    boundary = s;
                    partial = i;
                    break;
                }
            }
            if (boundary == 0) {
                records -= (long) ofSize[s] * s;
                classCount -= ofSize[s];
                uniques -= s == 1 ? ofSize[s] : 0;
            }
        }
        long cut = 0;
        List<Integer> tied = new ArrayList<>();
        for (int c = 0; c < size; c++) {
            if (candidate[c] && classes.count(c) < boundary) {
                suppressed[c] = true;
                cut += classes.count(c);
            } else if (candidate[c] && classes.count(c) == boundary) {
                tied.add(c);
            }
        }
        if (partial < tied.size()) {
            sortInCutOrder(tied, levels, classes);
        }
        for (int c : tied.subList(0, partial)) {
            suppressed[c] = true;
            cut += classes.count(c);
        }
        return cut;
    }

    /** Equally large classes in the order they are cut: by their own loss where the metric defines one, then first row. */
    private void sortInCutOrder(List<Integer> tied, int[] levels, FrequencyTable classes) {
        Comparator<Integer> byFirstRow = Comparator.comparingLong(classes::firstRow);
        InformationLoss sample = scorer.classLoss(classes, levels, tied.get(0));
        if (sample == null) {
            tied.sort(byFirstRow);
            return;
        }
        // Each class's own loss computed once, not once per comparison; a scalar one compared as a double.
        int size = classes.size();
        if (!sample.ranked()) {
            double[] own = new double[size];
            for (int c : tied) {
                own[c] = scorer.classLoss(classes, levels, c).value();
            }
            tied.sort(Comparator.<Integer>comparingDouble(c -> own[c]).thenComparing(byFirstRow));
        } else {
            InformationLoss[] own = new InformationLoss[size];
            for (int c : tied) {
                own[c] = scorer.classLoss(classes, levels, c);
            }
            tied.sort(Comparator.<Integer, InformationLoss>comparing(c -> own[c]).thenComparing(byFirstRow));
        }
    }

    private boolean fulfilled(long records, long classes, long uniques) {
        for (SampleModel model : problem.sampleModels()) {
            if (!model.isFulfilled(records, classes, uniques)) {
                return false;
            }
        }
        return true;
    }

    private boolean isCompletelyGeneralized(int[] levels, FrequencyTable classes, int c) {
        for (int j = 0; j < levels.length; j++) {
            if (classes.key(c, j) != starLabel[j][levels[j]]) {
                return false;
            }
        }
        return true;
    }

    /** Class tables of evaluated nodes, kept within a byte budget, least recently used evicted first. */
    private static final class TableCache {
        private final FrequencyTable base;
        private final int[] bottom;
        private final long budget;
        private final LinkedHashMap<Key, FrequencyTable> tables = new LinkedHashMap<>(64, 0.75f, true);
        private long bytes;

        TableCache(FrequencyTable base, long budget) {
            this.base = base;
            this.bottom = new int[base.dimensions()];
            this.budget = budget;
        }

        /**
         * The cached table with the fewest classes among the nodes at or below {@code levels}: the direct
         * predecessors first (they are usually cached, and are the cheapest sources), else any cached node below.
         */
        Map.Entry<int[], FrequencyTable> finestUsableFor(int[] levels) {
            int[] bestLevels = bottom;
            FrequencyTable best = base;
            boolean found = false;
            int[] probe = levels.clone();
            for (int j = 0; j < probe.length; j++) {
                if (probe[j] > 0) {
                    probe[j]--;
                    FrequencyTable table = tables.get(new Key(probe));
                    if (table != null && table.size() < best.size()) {
                        best = table;
                        bestLevels = probe.clone();
                        found = true;
                    }
                    probe[j]++;
                }
            }
            if (!found) {
                for (Map.Entry<Key, FrequencyTable> e : tables.entrySet()) {
                    if (e.getValue().size() < best.size()
                            && GeneralizationLattice.isGeneralizationOf(levels, e.getKey().levels())) {
                        best = e.getValue();
                        bestLevels = e.getKey().levels();
                    }
                }
            }
            return Map.entry(bestLevels, best);
        }

        void put(int[] levels, FrequencyTable table) {
            if (table.footprintBytes() > budget / 4) {
                return; // too big to be worth holding
            }
            if (tables.put(new Key(levels.clone()), table) == null) {
                bytes += table.footprintBytes();
            }
            Iterator<FrequencyTable> oldest = tables.values().iterator();
            while (bytes > budget || tables.size() > 65536) {
                bytes -= oldest.next().footprintBytes();
                oldest.remove();
            }
        }

        private record Key(int[] levels) {
            @Override
            public boolean equals(Object o) {
                return o instanceof Key k && java.util.Arrays.equals(levels, k.levels);
            }

            @Override
            public int hashCode() {
                return java.util.Arrays.hashCode(levels);
            }
        }
    }
}
