package org.uepdeid.anonymizer.model;

/** A privacy model that judges each equivalence class on its own; violating classes are suppressed. */
public sealed interface ClassModel extends PrivacyModel
        permits KAnonymity, MaximumRisk, SensitiveModel {

    /** The smallest class size the model allows on its own (ARX's rule: l-diversity implies ⌈l⌉-anonymity). */
    int minimalClassSize();

    /** The sensitive attribute this model constrains, or null. */
    default String sensitiveAttribute() {
        return null;
    }

    /** How many distinct sensitive values a class needs at least (the l of l-diversity); 0 if the model has no such need. */
    default int requiredDistinctValues() {
        return 0;
    }

    /** Binds the model to the data's sensitive distribution, giving the per-class test. */
    ClassCriterion bind(SensitiveDistribution distribution);
}
