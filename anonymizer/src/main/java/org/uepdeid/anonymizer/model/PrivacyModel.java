package org.uepdeid.anonymizer.model;

/** A privacy model a release must satisfy: judged per equivalence class, or over the whole class-size sample. */
public sealed interface PrivacyModel permits ClassModel, SampleModel {

    /** The model's name as written in a policy, e.g. {@code k-anonymity}: its {@link ModelType}'s. */
    default String type() {
        return ModelType.of(this).name();
    }

    /**
     * Whether satisfying the model is preserved by generalization (so a search may prune with it). Most models are
     * monotonic only when no records may be suppressed.
     */
    boolean isMonotonic(boolean suppressionAllowed);
}
