package org.uepdeid.anonymizer.search;

import java.util.Arrays;
import org.uepdeid.anonymizer.data.FrequencyTable;
import org.uepdeid.anonymizer.metric.InformationLoss;

/**
 * A globally optimal search over the whole lattice, best-first by each transformation's lower bound of loss.
 *
 * <p>Transformations are visited in order of (lower bound, level, lexicographic levels). The search stops as soon as
 * the next bound cannot beat the best anonymous transformation found (bounds and losses within 1e-9 relative count as
 * equal, since they are summed in different orders), skips transformations whose non-anonymity follows from a
 * monotone condition (anonymity itself under monotonic privacy, else the minimal class size the models imply), and never evaluates the successors of an anonymous transformation when the metric is
 * monotonic. Ties: the smallest loss wins, then the lowest level (sum of levels, as ARX prefers), then the
 * lexicographically smallest level vector — deterministic for the same input.
 */
final class OptimalSearch {

    /** Lattices above this many nodes are searched heuristically (see {@link HeuristicSearch}). */
    static final long MAX_NODES = 4_000_000;

    private final SearchProblem problem;
    /**
     * Whether to learn which transformations must suppress some record: worth it where the metric charges
     * suppression and needing none is monotone, since a transformation that must suppress can then be ruled out by
     * a higher bound (with gs = 1, only the transformations that suppress nothing can reach a loss of 0).
     */
    private final boolean tracksSuppression;

    OptimalSearch(SearchProblem problem) {
        this.problem = problem;
        int[] bottom = new int[problem.hierarchies().size()];
        this.tracksSuppression = problem.freeOfSuppressionMonotonic() && problem.maxSuppressedRecords() > 0
                && !problem.metricMonotonic() && problem.scorer().suppressedLowerBound(bottom) != null;
    }

    SearchResult run() {
        GeneralizationLattice lattice = problem.lattice();
        if (lattice.size() > MAX_NODES) {
            throw new IllegalArgumentException("the lattice has " + lattice.size() + " transformations, more than "
                    + MAX_NODES + " an optimal search enumerates; use the heuristic search");
        }
        int size = (int) lattice.size();
        InformationLoss[] bounds = new InformationLoss[size];
        int[] rank = new int[size];
        for (int id = 0; id < size; id++) {
            int[] levels = lattice.levels(id);
            bounds[id] = problem.scorer().lowerBound(levels);
            rank[id] = GeneralizationLattice.level(levels);
        }
        Integer[] order = new Integer[size];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> {
            int c = bounds[a].compareTo(bounds[b]);
            if (c != 0) {
                return c;
            }
            c = Integer.compare(rank[a], rank[b]);
            return c != 0 ? c : Integer.compare(a, b);
        });

        NodeEvaluator evaluator = new NodeEvaluator(problem);
        State state = new State(lattice, size);
        for (int id : order) {
            if (state.best != null) {
                int c = bounds[id].compareApproximately(state.best.loss());
                if (c > 0) {
                    break; // every later node is bounded at least as high
                }
                if (c == 0 && !precedes(id, state.bestId, rank)) {
                    continue; // it could at best tie, and ties go to the node found first in tie order
                }
            }
            if (state.knownNotAnonymous[id] || state.dominated[id] || state.evaluated[id]) {
                continue;
            }
            int[] levels = lattice.levels(id);
            if (tracksSuppression && !state.freeOfSuppression[id]) {
                if (!state.mustSuppress[id]) {
                    settle(id, state.freeOfSuppression, state.mustSuppress, state, evaluator, rank);
                }
                if (state.evaluated[id] || state.best != null && state.mustSuppress[id]
                        && cannotWin(problem.scorer().suppressedLowerBound(levels), id, state, rank)) {
                    continue;
                }
            }
            if (usesMonotonePart() && !state.knownPassing[id]) {
                settle(id, state.knownPassing, state.knownNotAnonymous, state, evaluator, rank);
                if (state.knownNotAnonymous[id] || state.dominated[id] || state.evaluated[id]) {
                    continue;
                }
            }
            FrequencyTable classes = evaluator.classes(levels);
            if (state.best != null && cannotWin(problem.scorer().classBound(classes), id, state, rank)) {
                state.dominated[id] = true;
                mark(lattice, id, state.dominated, true);
                continue;
            }
            record(id, evaluator.evaluate(levels, classes), state, rank);
        }
        return new SearchResult(state.best, evaluator.evaluations(), true);
    }

    /**
     * Whether a bound on a node's loss rules it out: above the best found, or equal to it where the node comes after
     * the best in tie order. A bound that also holds for the node's generalizations rules them out too, as they come
     * later still.
     */
    private static boolean cannotWin(InformationLoss bound, int id, State state, int[] rank) {
        if (bound == null) {
            return false;
        }
        int c = bound.compareApproximately(state.best.loss());
        return c > 0 || (c == 0 && !precedes(id, state.bestId, rank));
    }

    /**
     * Whether a monotone necessary condition of anonymity is worth testing: anonymity itself when privacy is
     * monotonic; otherwise the minimal class size all models imply (records in smaller classes must fit the
     * suppression limit, and generalizing only merges classes), when it is above 1.
     */
    private boolean usesMonotonePart() {
        return problem.privacyMonotonic() || problem.minimalClassSize() > 1;
    }

    /** Whether an evaluation passes the monotone condition of {@link #usesMonotonePart()}. */
    private boolean passesMonotonePart(Evaluation evaluation) {
        return problem.privacyMonotonic() ? evaluation.anonymous()
                : evaluation.undersizedRecords() <= problem.maxSuppressedRecords();
    }

    /**
     * Flash's idea: rather than test a low (expensive, many classes) transformation directly, walk a path from it to
     * the top and binary-search that path for its lowest node with an upward-closed property ({@code has}, its
     * complement {@code lacks}). Every node evaluated on the way settles a whole cone, as {@link #record} marks it:
     * the predecessors of a node lacking the property lack it, the successors of one having it have it.
     */
    private void settle(int from, boolean[] has, boolean[] lacks, State state, NodeEvaluator evaluator, int[] rank) {
        GeneralizationLattice lattice = state.lattice;
        int[] path = new int[1 + Arrays.stream(lattice.heights()).sum()];
        int length = 0;
        int[] levels = lattice.levels(from);
        int id = from;
        while (true) {
            path[length++] = id;
            if (has[id]) {
                break;
            }
            int step = -1;
            double lowest = Double.MAX_VALUE;
            for (int j = 0; j < levels.length; j++) {
                if (levels[j] < lattice.height(j)) {
                    double relative = (double) levels[j] / lattice.height(j);
                    if (relative < lowest) {
                        lowest = relative;
                        step = j;
                    }
                }
            }
            if (step < 0) {
                break;
            }
            levels[step]++;
            id = (int) lattice.id(levels);
        }
        int lo = 0;
        int hi = length - 1;
        while (lo <= hi && !has[path[lo]] && !lacks[path[lo]]) {
            int mid = (lo + hi) >>> 1;
            int node = path[mid];
            if (!has[node] && !lacks[node]) {
                record(node, evaluator.evaluate(lattice.levels(node)), state, rank);
            }
            if (has[node]) {
                hi = mid - 1;
            } else {
                lo = mid + 1;
            }
        }
    }

    /** Takes an evaluation into account: best so far, and the cones it settles. */
    private void record(int id, Evaluation evaluation, State state, int[] rank) {
        state.evaluated[id] = true;
        if (evaluation.anonymous()) {
            if (state.best == null || evaluation.loss().compareTo(state.best.loss()) < 0
                    || (evaluation.loss().compareTo(state.best.loss()) == 0 && precedes(id, state.bestId, rank))) {
                state.best = evaluation;
                state.bestId = id;
            }
            if (problem.metricMonotonic()) {
                mark(state.lattice, id, state.dominated, true);
            }
        }
        if (usesMonotonePart()) {
            settleCone(id, passesMonotonePart(evaluation), state.knownPassing, state.knownNotAnonymous, state);
        }
        if (tracksSuppression) {
            settleCone(id, evaluation.suppressedRecords() == 0, state.freeOfSuppression, state.mustSuppress, state);
        }
    }

    /** Marks a node and its successors as having an upward-closed property, or it and its predecessors as lacking it. */
    private static void settleCone(int id, boolean holds, boolean[] has, boolean[] lacks, State state) {
        boolean[] marks = holds ? has : lacks;
        marks[id] = true;
        mark(state.lattice, id, marks, holds);
    }

    /** What the search knows about each node. */
    private static final class State {
        final GeneralizationLattice lattice;
        final boolean[] evaluated;
        final boolean[] knownPassing; // pass the monotone condition; closed upwards
        final boolean[] knownNotAnonymous; // fail it, so are not anonymous; closed downwards
        final boolean[] dominated; // strictly above an anonymous node, with a monotonic metric: cannot win
        final boolean[] freeOfSuppression; // every class passes every model, nothing suppressed; closed upwards
        final boolean[] mustSuppress; // some class fails a model, so a record is suppressed; closed downwards
        Evaluation best;
        int bestId = -1;

        State(GeneralizationLattice lattice, int size) {
            this.lattice = lattice;
            this.evaluated = new boolean[size];
            this.knownPassing = new boolean[size];
            this.knownNotAnonymous = new boolean[size];
            this.dominated = new boolean[size];
            this.freeOfSuppression = new boolean[size];
            this.mustSuppress = new boolean[size];
        }
    }

    private static boolean precedes(int a, int b, int[] rank) {
        return rank[a] < rank[b] || (rank[a] == rank[b] && a < b);
    }

    /** Marks every node strictly above (or below) {@code from}; stops where a mark already closes the region. */
    private static void mark(GeneralizationLattice lattice, int from, boolean[] marks, boolean upwards) {
        int[] stack = new int[64];
        int top = 0;
        stack[top++] = from;
        while (top > 0) {
            int id = stack[--top];
            for (int j = 0; j < lattice.dimensions(); j++) {
                long next = upwards ? lattice.successor(id, j) : lattice.predecessor(id, j);
                if (next >= 0 && !marks[(int) next]) {
                    marks[(int) next] = true;
                    if (top == stack.length) {
                        stack = Arrays.copyOf(stack, top * 2);
                    }
                    stack[top++] = (int) next;
                }
            }
        }
    }
}
