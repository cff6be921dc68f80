package org.uepdeid.jobs.verify;

import java.util.Map;
import java.util.function.Function;

/** What verify measures for one declared privacy model, on the published release and with its own arithmetic. */
sealed interface ModelMeasure {

    /** The check l-diversity models report under. */
    String L_DIVERSITY = "l_diversity";
    /** The check t-closeness models report under. */
    String T_CLOSENESS = "t_closeness";

    /** Every published class holds at least {@code k} records (so no record's risk exceeds 1/k). */
    record SmallestClass(int k) implements ModelMeasure {
    }

    /** A re-identification risk figure of the release is at most {@code threshold}. */
    record RiskBound(RiskFigure figure, double threshold) implements ModelMeasure {
    }

    /**
     * A figure of each class's sensitive values, reported under {@code check}.
     *
     * @param measure the measure, given the counts of each sensitive value over the whole release (t-closeness
     *                compares with them; a hierarchy built from the data is built over them)
     */
    record OnSensitive(String check, Function<Map<String, Long>, SensitiveMeasure> measure) implements ModelMeasure {
    }

    /** The risk figures a model can bound. */
    enum RiskFigure {
        /** The largest record risk, 1 / the smallest class. */
        PROSECUTOR_MAX,
        /** The average record risk, classes / records. */
        AVERAGE,
        /** The share of records alone in their class. */
        SAMPLE_UNIQUENESS
    }
}
