package org.uepdeid.jobs.verify;

import java.util.Map;

/**
 * One declared l-diversity or t-closeness model, measured on the published classes: a figure per class, the worst
 * over all classes, and whether that worst figure satisfies the model. One implementation per model, so that the
 * figures are verify's own and not the engine's verdicts.
 */
interface SensitiveMeasure {

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
}
