package org.uepdeid.anonymizer.search;

import java.util.List;
import org.uepdeid.anonymizer.data.FrequencyTable;
import org.uepdeid.anonymizer.hierarchy.Hierarchy;
import org.uepdeid.anonymizer.model.ClassCriterion;
import org.uepdeid.anonymizer.model.SampleModel;

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
 * @param metricMonotonic       whether loss never falls under generalization (for anonymous nodes)
 * @param cacheBytes            how much heap the class-table cache may use
 */
public record SearchProblem(FrequencyTable base, List<Hierarchy> hierarchies, int minimalClassSize,
                            List<ClassCriterion> criteria, List<SampleModel> sampleModels, long maxSuppressedRecords,
                            boolean privacyMonotonic, boolean metricMonotonic, long cacheBytes) {

    public SearchProblem {
        hierarchies = List.copyOf(hierarchies);
        criteria = List.copyOf(criteria);
        sampleModels = List.copyOf(sampleModels);
    }

    public GeneralizationLattice lattice() {
        return new GeneralizationLattice(hierarchies.stream().mapToInt(Hierarchy::height).toArray());
    }
}
