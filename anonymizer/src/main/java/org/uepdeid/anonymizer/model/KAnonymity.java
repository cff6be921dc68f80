package org.uepdeid.anonymizer.model;

/** k-anonymity: every class holds at least k records. */
public record KAnonymity(int k) implements ClassModel {

    public KAnonymity {
        Validation.requireAtLeastOne(k, "k", type());
    }

    @Override
    public boolean isMonotonic(boolean suppressionAllowed) {
        return true;
    }

    @Override
    public int minimalClassSize() {
        return k;
    }

    @Override
    public ClassCriterion bind(SensitiveDistribution distribution) {
        return (count, histograms, offset) -> true; // the minimal size is checked for all models at once
    }
}
