package org.uepdeid.reports;

import java.util.List;

/** The shape of the release as {@code verify} measured it on the published microdata. */
public record Distributions(List<ClassSize> classSizes, List<RiskBucket> risk) {

    public Distributions {
        classSizes = List.copyOf(classSizes);
        risk = List.copyOf(risk);
    }
}
