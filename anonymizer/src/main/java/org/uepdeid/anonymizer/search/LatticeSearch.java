package org.uepdeid.anonymizer.search;

import org.uepdeid.anonymizer.data.FrequencyTable;
import org.uepdeid.anonymizer.policy.Policy;

/**
 * The search package's one entry point: binds a policy to a table and searches its lattice, exhaustively when it has
 * at most {@link OptimalSearch#MAX_NODES} transformations, else heuristically within the policy's time limit.
 */
public final class LatticeSearch {

    private LatticeSearch() {
    }

    public static SearchResult run(FrequencyTable table, Policy policy) {
        SearchProblem problem = SearchProblem.of(table, policy);
        GeneralizationLattice lattice = problem.lattice();
        SearchResult found = lattice.size() <= OptimalSearch.MAX_NODES ? new OptimalSearch(problem).run()
                : new HeuristicSearch(problem, policy.searchTimeLimit()).run();
        return found.withLimits(problem.maxSuppressedRecords(), lattice.heights());
    }
}
