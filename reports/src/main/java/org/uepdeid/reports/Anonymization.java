package org.uepdeid.reports;

import java.util.List;

/**
 * What the anonymize job did to the day's device profiles: the policy it applied and the transformation it chose.
 *
 * @param sensitive          the sensitive attribute, or {@code null} when the policy has none
 * @param models             the privacy models as readable text ({@code k-anonymity (k=10)})
 * @param k                  the smallest class the policy allows: its k-anonymity model's k, 1 without one
 * @param levels             the chosen level of each quasi-identifier, in the policy's order
 * @param minClassSize       the smallest published equivalence class
 * @param optimal            whether the search was exhaustive (false: the best found within the time limit)
 */
public record Anonymization(List<String> quasiIdentifiers, String sensitive, List<String> models, long k,
                            List<QiLevel> levels, long minClassSize, Suppression suppression,
                            InformationLoss informationLoss, ReidentificationRisk risk, long transformationsChecked,
                            long searchMillis, boolean optimal) {

    public Anonymization {
        quasiIdentifiers = List.copyOf(quasiIdentifiers);
        models = List.copyOf(models);
        if (k < 1) {
            throw new IllegalArgumentException("report: k must be at least 1, got " + k);
        }
        levels = List.copyOf(levels);
        Require.count("min class size", minClassSize);
        Require.present("suppression", suppression);
        Require.present("information loss", informationLoss);
        Require.present("risk", risk);
        Require.count("transformations checked", transformationsChecked);
        Require.count("search time", searchMillis);
    }
}
