package org.uepdeid.anonymizer.search;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.uepdeid.anonymizer.hierarchy.Hierarchy;
import org.uepdeid.anonymizer.metric.AggregateFunction;
import org.uepdeid.anonymizer.metric.AverageClassSize;
import org.uepdeid.anonymizer.metric.Discernibility;
import org.uepdeid.anonymizer.metric.Height;
import org.uepdeid.anonymizer.metric.LossMetric;
import org.uepdeid.anonymizer.metric.Metric;
import org.uepdeid.anonymizer.metric.NonUniformEntropy;
import org.uepdeid.anonymizer.metric.Precision;
import org.uepdeid.anonymizer.model.AverageRisk;
import org.uepdeid.anonymizer.model.DistinctLDiversity;
import org.uepdeid.anonymizer.model.EntropyLDiversity;
import org.uepdeid.anonymizer.model.EqualDistanceTCloseness;
import org.uepdeid.anonymizer.model.HierarchicalDistanceTCloseness;
import org.uepdeid.anonymizer.model.KAnonymity;
import org.uepdeid.anonymizer.model.MaximumRisk;
import org.uepdeid.anonymizer.model.OrderedDistanceTCloseness;
import org.uepdeid.anonymizer.model.PrivacyModel;
import org.uepdeid.anonymizer.model.RecursiveCLDiversity;
import org.uepdeid.anonymizer.model.SampleUniqueness;

/** Random small tables, hierarchies, models and metrics for property tests, all derived from one seed. */
final class RandomProblems {

    static final String SENSITIVE = "disease";
    static final List<String> DISEASES = List.of("flu", "cold", "asthma", "cancer");
    /** The diseases' hierarchy for hierarchical t-closeness: infections, chronic, everything. */
    static final Hierarchy DISEASE_TREE = Hierarchy.of(SENSITIVE, List.of(List.of("flu", "infection", "*"),
            List.of("cold", "infection", "*"), List.of("asthma", "chronic", "*"), List.of("cancer", "chronic", "*")),
            "random");

    private RandomProblems() {
    }

    /**
     * A random functional hierarchy over values v0..v(n-1): level i groups values by a random fan-out; sometimes v0
     * is "*" from level 1 up (a completely generalized class below the top, which the risk-based models ignore).
     */
    static Hierarchy hierarchy(String attribute, SplittableRandom random) {
        int values = 2 + random.nextInt(7);
        int height = 1 + random.nextInt(3);
        List<List<String>> rows = new ArrayList<>();
        int[] fanout = new int[height];
        for (int level = 1; level < height; level++) {
            fanout[level] = 2 + random.nextInt(2);
        }
        boolean rootBelowTop = height > 1 && random.nextInt(5) == 0;
        for (int v = 0; v < values; v++) {
            List<String> row = new ArrayList<>();
            row.add("v" + v);
            int group = v;
            for (int level = 1; level < height; level++) {
                group /= fanout[level];
                row.add(rootBelowTop && v == 0 ? "*" : "g" + level + "_" + group);
            }
            row.add("*");
            rows.add(row);
        }
        return Hierarchy.of(attribute, rows, "random");
    }

    /** One or two models of any type, sometimes with k-anonymity beside them. */
    static List<PrivacyModel> models(SplittableRandom random) {
        List<PrivacyModel> models = new ArrayList<>();
        int count = random.nextInt(4) == 0 ? 2 : 1;
        for (int i = 0; i < count; i++) {
            PrivacyModel model = model(random);
            if (model != null && models.stream().noneMatch(m -> m.getClass() == model.getClass())) {
                models.add(model);
            }
        }
        if (models.isEmpty() || random.nextBoolean()) {
            models.add(new KAnonymity(1 + random.nextInt(5)));
        }
        return models;
    }

    private static PrivacyModel model(SplittableRandom random) {
        return switch (random.nextInt(11)) {
            case 0 -> new DistinctLDiversity(SENSITIVE, 1 + random.nextInt(3));
            case 1 -> new EntropyLDiversity(SENSITIVE, 1 + random.nextDouble() * 2, EntropyLDiversity.Estimator.SHANNON);
            case 2 -> new EntropyLDiversity(SENSITIVE, 1 + random.nextDouble() * 2,
                    EntropyLDiversity.Estimator.GRASSBERGER);
            case 3 -> new RecursiveCLDiversity(SENSITIVE, 1 + random.nextInt(3), 1 + random.nextInt(3));
            case 4 -> new EqualDistanceTCloseness(SENSITIVE, 0.1 + random.nextDouble() * 0.5);
            case 5 -> new OrderedDistanceTCloseness(SENSITIVE, 0.1 + random.nextDouble() * 0.5, false);
            case 6 -> new HierarchicalDistanceTCloseness(SENSITIVE, 0.05 + random.nextDouble() * 0.4, DISEASE_TREE);
            case 7 -> new AverageRisk(0.2 + random.nextDouble() * 0.5);
            case 8 -> new SampleUniqueness(random.nextDouble() * 0.2);
            case 9 -> new MaximumRisk(0.2 + random.nextDouble() * 0.6);
            default -> null;
        };
    }

    static Metric metric(SplittableRandom random) {
        double gs = new double[] {0, 0.33, 0.5, 0.66, 1}[random.nextInt(5)];
        AggregateFunction aggregate = AggregateFunction.values()[random.nextInt(AggregateFunction.values().length)];
        return switch (random.nextInt(6)) {
            case 0 -> new LossMetric(gs, aggregate);
            case 1 -> new NonUniformEntropy(random.nextBoolean(), gs, null);
            case 2 -> new Discernibility(random.nextBoolean());
            case 3 -> new AverageClassSize(gs);
            case 4 -> new Precision(random.nextBoolean(), gs, null);
            default -> new Height(null);
        };
    }

    static double suppressionLimit(SplittableRandom random) {
        return new double[] {0, 0.05, 0.2, 1}[random.nextInt(4)];
    }
}
