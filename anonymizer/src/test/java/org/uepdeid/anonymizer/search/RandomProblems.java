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
import org.uepdeid.anonymizer.model.KAnonymity;
import org.uepdeid.anonymizer.model.OrderedDistanceTCloseness;
import org.uepdeid.anonymizer.model.PrivacyModel;
import org.uepdeid.anonymizer.model.RecursiveCLDiversity;
import org.uepdeid.anonymizer.model.SampleUniqueness;

/** Random small tables, hierarchies, models and metrics for property tests, all derived from one seed. */
final class RandomProblems {

    static final String SENSITIVE = "disease";

    private RandomProblems() {
    }

    /** A random functional hierarchy over values v0..v(n-1): level i groups values by a random fan-out. */
    static Hierarchy hierarchy(String attribute, SplittableRandom random) {
        int values = 2 + random.nextInt(7);
        int height = 1 + random.nextInt(3);
        List<List<String>> rows = new ArrayList<>();
        int[] fanout = new int[height];
        for (int level = 1; level < height; level++) {
            fanout[level] = 2 + random.nextInt(2);
        }
        for (int v = 0; v < values; v++) {
            List<String> row = new ArrayList<>();
            row.add("v" + v);
            int group = v;
            for (int level = 1; level < height; level++) {
                group /= fanout[level];
                row.add("g" + level + "_" + group);
            }
            row.add("*");
            rows.add(row);
        }
        return Hierarchy.of(attribute, rows, "random");
    }

    static List<PrivacyModel> models(SplittableRandom random) {
        List<PrivacyModel> models = new ArrayList<>();
        switch (random.nextInt(8)) {
            case 0 -> models.add(new DistinctLDiversity(SENSITIVE, 1 + random.nextInt(3)));
            case 1 -> models.add(new EntropyLDiversity(SENSITIVE, 1 + random.nextDouble() * 2,
                    random.nextBoolean() ? EntropyLDiversity.Estimator.SHANNON : EntropyLDiversity.Estimator.GRASSBERGER));
            case 2 -> models.add(new RecursiveCLDiversity(SENSITIVE, 1 + random.nextInt(3), 1 + random.nextInt(3)));
            case 3 -> models.add(new EqualDistanceTCloseness(SENSITIVE, 0.1 + random.nextDouble() * 0.5));
            case 4 -> models.add(new OrderedDistanceTCloseness(SENSITIVE, 0.1 + random.nextDouble() * 0.5, false));
            case 5 -> models.add(new AverageRisk(0.2 + random.nextDouble() * 0.5));
            case 6 -> models.add(new SampleUniqueness(random.nextDouble() * 0.2));
            default -> { }
        }
        if (models.isEmpty() || random.nextBoolean()) {
            models.add(new KAnonymity(1 + random.nextInt(5)));
        }
        return models;
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
