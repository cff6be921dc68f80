package org.uepdeid.anonymizer.search;

import java.time.Duration;
import java.util.HashSet;
import java.util.PriorityQueue;
import java.util.Set;
import org.uepdeid.anonymizer.metric.InformationLoss;

/**
 * A time-bounded search for lattices too large to enumerate (ARX's Lightning plays this role): best-first from the
 * bottom by lower bound, expanding the successors of every evaluated transformation, until the time is up or the
 * next bound cannot beat the best found. If that happens before any anonymous transformation was found, it falls back
 * to the top of the lattice. The answer is proven optimal only when the queue ran dry or the bound stopped it.
 */
final class HeuristicSearch {

    private final SearchProblem problem;
    private final Duration timeLimit;

    HeuristicSearch(SearchProblem problem, Duration timeLimit) {
        this.problem = problem;
        this.timeLimit = timeLimit;
    }

    private record Candidate(long id, int[] levels, InformationLoss bound, int rank) {
    }

    SearchResult run() {
        GeneralizationLattice lattice = problem.lattice();
        long deadline = System.nanoTime() + timeLimit.toNanos();
        NodeEvaluator evaluator = new NodeEvaluator(problem);
        PriorityQueue<Candidate> queue = new PriorityQueue<>((a, b) -> {
            int c = a.bound().compareTo(b.bound());
            if (c != 0) {
                return c;
            }
            c = Integer.compare(a.rank(), b.rank());
            return c != 0 ? c : Long.compare(a.id(), b.id());
        });
        Set<Long> seen = new HashSet<>();
        int[] bottom = new int[lattice.dimensions()];
        queue.add(candidate(lattice, 0, bottom));
        seen.add(0L);
        Evaluation best = null;
        boolean exhausted = false;
        while (true) {
            Candidate next = queue.poll();
            if (next == null || (best != null && next.bound().compareApproximately(best.loss()) > 0)) {
                exhausted = true;
                break;
            }
            if (System.nanoTime() >= deadline) {
                break;
            }
            Evaluation evaluation = evaluator.evaluate(next.levels());
            if (evaluation.anonymous()) {
                if (best == null || evaluation.loss().compareTo(best.loss()) < 0) {
                    best = evaluation;
                }
                if (problem.metricMonotonic()) {
                    continue; // its successors cannot score lower
                }
            }
            for (int j = 0; j < lattice.dimensions(); j++) {
                long successor = lattice.successor(next.id(), j);
                if (successor >= 0 && seen.add(successor)) {
                    queue.add(candidate(lattice, successor, lattice.levels(successor)));
                }
            }
        }
        if (best == null && !exhausted) {
            int[] top = lattice.heights();
            Evaluation evaluation = evaluator.evaluate(top);
            best = evaluation.anonymous() ? evaluation : null;
        }
        return new SearchResult(best, evaluator.evaluations(), exhausted);
    }

    private Candidate candidate(GeneralizationLattice lattice, long id, int[] levels) {
        return new Candidate(id, levels, problem.scorer().lowerBound(levels),
                GeneralizationLattice.level(levels));
    }
}
