package org.uepdeid.anonymizer.metric;

/** An information-loss metric, defined exactly as ARX defines it so that results compare (METRICS.md §5). */
public sealed interface Metric permits LossMetric, MonotonicVariant, AverageClassSize, Height {

    /** The metric's name as written in a policy. */
    String type();

    /**
     * Whether generalizing never lowers the loss of an anonymous transformation, so that the successors of an
     * anonymous transformation need no evaluation. Metrics that charge suppressed records are monotonic only when
     * nothing may be suppressed.
     */
    boolean isMonotonic(boolean suppressionAllowed);

    /** Precomputes what scoring needs for one table. */
    NodeScorer bind(MetricContext context);
}
