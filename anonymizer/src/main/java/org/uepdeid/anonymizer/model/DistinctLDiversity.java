package org.uepdeid.anonymizer.model;

/** Distinct l-diversity: every class holds at least l different sensitive values. */
public record DistinctLDiversity(String attribute, int l) implements SensitiveModel {

    public DistinctLDiversity {
        Validation.requireAttribute(attribute, type());
        Validation.requireAtLeastOne(l, "l", type());
    }

    @Override
    public boolean isMonotonic(boolean suppressionAllowed) {
        return true;
    }

    @Override
    public int requiredDistinctValues() {
        return l;
    }

    @Override
    public ClassCriterion bind(SensitiveDistribution distribution) {
        int m = distribution.size();
        return (count, histograms, offset) -> Histograms.distinct(histograms, offset, m) >= l;
    }
}
