package org.uepdeid.jobs.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.uepdeid.jobs.verify.ModelMeasure.RiskFigure;

/**
 * Re-identification risk of microdata from its class sizes, over the records that are not suppressed: a record's risk
 * is 1 / the size of its class.
 *
 * <ul>
 *   <li>{@code risk_prosecutor_max}: 1 / the smallest class, at most 1/k (and the maximum-risk model's threshold);</li>
 *   <li>{@code risk_prosecutor_average}: classes / records, at most the average-risk model's threshold, if
 *       declared;</li>
 *   <li>{@code risk_journalist}: without a population table the sample stands for the population, so it equals the
 *       prosecutor's maximum, with the same bound;</li>
 *   <li>{@code risk_marketer}: the share a marketer re-identifies, classes / records, bounded like the average;</li>
 *   <li>{@code records_at_risk}: the share of records whose risk exceeds {@code anonymization.risk_threshold}
 *       (default 0.1); none may;</li>
 *   <li>{@code sample_uniqueness}, only when its model is declared: the share of records alone in their class.</li>
 * </ul>
 * A figure without a declared bound is reported with a null threshold and passes.
 */
final class ReidentificationRiskCheck implements Check {

    @Override
    public List<CheckResult> evaluate(Evidence evidence) {
        if (evidence.classes().isEmpty()) {
            return List.of();
        }
        ClassSizes classes = evidence.classes().get();
        DeclaredPolicy policy = evidence.policy();
        String target = evidence.target();
        long records = classes.keptRecords();
        double max = records == 0 ? 0 : 1.0 / classes.smallest();
        double average = records == 0 ? 0 : (double) classes.classes() / records;
        double maxBound = Math.min(1.0 / policy.k(), policy.bound(RiskFigure.PROSECUTOR_MAX).orElse(1.0));
        Optional<Double> averageBound = policy.bound(RiskFigure.AVERAGE);
        String over = " over " + records + " records in " + classes.classes() + " classes";

        List<CheckResult> results = new ArrayList<>();
        results.add(CheckResult.of("risk_prosecutor_max", target, max, maxBound, max <= maxBound + Check.TOLERANCE,
                "1 / smallest class (" + classes.smallest() + ")" + over));
        results.add(bounded("risk_prosecutor_average", target, average, averageBound, "classes / records" + over));
        results.add(CheckResult.of("risk_journalist", target, max, maxBound, max <= maxBound + Check.TOLERANCE,
                "no population table: the published sample stands for the population, so the journalist's risk is "
                        + "the prosecutor's maximum"));
        results.add(bounded("risk_marketer", target, average, averageBound,
                "share of records a marketer re-identifies: classes / records" + over));
        long atRisk = classes.recordsWithRiskAbove(policy.riskThreshold());
        results.add(CheckResult.of("records_at_risk", target, records == 0 ? 0.0 : (double) atRisk / records, 0.0,
                atRisk == 0, atRisk + " of " + records + " records have a risk above risk_threshold "
                        + policy.riskThreshold() + " (a class smaller than "
                        + (long) Math.ceil(1 / policy.riskThreshold()) + ")"));
        policy.bound(RiskFigure.SAMPLE_UNIQUENESS).ifPresent(bound -> {
            double uniqueness = records == 0 ? 0 : (double) classes.uniqueRecords() / records;
            results.add(CheckResult.of("sample_uniqueness", target, uniqueness, bound,
                    uniqueness <= bound + Check.TOLERANCE, classes.uniqueRecords()
                            + " records are alone in their class"));
        });
        return results;
    }

    private static CheckResult bounded(String name, String target, double measured, Optional<Double> bound,
                                       String detail) {
        return CheckResult.of(name, target, measured, bound.orElse(null),
                bound.map(b -> measured <= b + Check.TOLERANCE).orElse(true),
                bound.isPresent() ? detail : detail + "; no declared model bounds the average risk, so it is reported only");
    }
}
