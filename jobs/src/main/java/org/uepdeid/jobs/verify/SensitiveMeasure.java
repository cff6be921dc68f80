package org.uepdeid.jobs.verify;

import java.util.Map;
import org.uepdeid.anonymizer.model.DistinctLDiversity;
import org.uepdeid.anonymizer.model.EntropyLDiversity;
import org.uepdeid.anonymizer.model.EqualDistanceTCloseness;
import org.uepdeid.anonymizer.model.HierarchicalDistanceTCloseness;
import org.uepdeid.anonymizer.model.OrderedDistanceTCloseness;
import org.uepdeid.anonymizer.model.PrivacyModel;
import org.uepdeid.anonymizer.model.RecursiveCLDiversity;

/**
 * One declared l-diversity or t-closeness model, measured on the published classes: a figure per class, the worst
 * over all classes, and whether that worst figure satisfies the model. One implementation per model, so that the
 * figures are verify's own and not the engine's verdicts.
 */
interface SensitiveMeasure {

    /** The check it reports under: {@code l_diversity} or {@code t_closeness}. */
    String check();

    /** The model as the report names it, e.g. {@code distinct-l-diversity l=3}. */
    String model();

    /** The declared bound: l, c or t. */
    double threshold();

    /** The class's figure, from its sensitive values' counts. */
    double ofClass(Map<String, Long> histogram);

    /** Whether a larger figure is the safer one (l) or the riskier one (c ratio, t distance). */
    boolean largerIsSafer();

    /** Whether the worst class's figure satisfies the model. */
    boolean satisfiedBy(double worst);

    /** The riskier of two figures. */
    default double worse(double a, double b) {
        return largerIsSafer() ? Math.min(a, b) : Math.max(a, b);
    }

    /**
     * The measure of a model, from its parameters alone.
     *
     * @param overall counts of each sensitive value over the whole release, for t-closeness
     * @throws IllegalArgumentException for a model that does not constrain the sensitive column
     */
    static SensitiveMeasure of(PrivacyModel model, Map<String, Long> overall) {
        if (model instanceof DistinctLDiversity m) {
            return new DistinctLMeasure(m.l());
        }
        if (model instanceof EntropyLDiversity m) {
            return new EntropyLMeasure(m.l(), m.estimator() == EntropyLDiversity.Estimator.GRASSBERGER);
        }
        if (model instanceof RecursiveCLDiversity m) {
            return new RecursiveClMeasure(m.c(), m.l());
        }
        if (model instanceof EqualDistanceTCloseness m) {
            return new EqualTMeasure(m.t(), overall);
        }
        if (model instanceof OrderedDistanceTCloseness m) {
            return new OrderedTMeasure(m.t(), overall, m.numericOrder());
        }
        if (model instanceof HierarchicalDistanceTCloseness m) {
            return new HierarchicalTMeasure(m.t(), overall, m.hierarchy());
        }
        throw new IllegalArgumentException(model.type() + " does not constrain a sensitive attribute");
    }
}
