package org.uepdeid.anonymizer.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.uepdeid.anonymizer.hierarchy.Hierarchy;
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

/**
 * Every privacy model re-derived from its textbook definition (METRICS.md §2, §10), written apart from the engine:
 * a published class is the list of its records' sensitive values, distributions are maps from value to probability,
 * distances are computed in probability units over value strings. Borderline verdicts get a 1e-9 allowance in the
 * engine's favour, since the engine sums in another order.
 */
final class ModelOracle {

    private static final double SLACK = 1e-9;

    private ModelOracle() {
    }

    /** A published class: its generalized labels and its records' sensitive values. */
    record PublishedClass(List<String> labels, List<String> sensitive) {
        int size() {
            return sensitive.size();
        }
    }

    /**
     * Why the kept classes violate a class model, or null if they satisfy it: {@code table} holds every record's
     * sensitive value (the distribution t-closeness compares against), {@code dictionary} the attribute's values.
     */
    static String classViolation(PrivacyModel model, PublishedClass c, List<String> table, List<String> dictionary) {
        Map<String, Long> freq = c.sensitive().stream().collect(Collectors.groupingBy(Function.identity(),
                TreeMap::new, Collectors.counting()));
        int n = c.size();
        boolean ok = true; // sample models are judged over all classes
        if (model instanceof KAnonymity k) {
            ok = n >= k.k();
        } else if (model instanceof MaximumRisk r) {
            ok = 1.0 / n <= r.threshold() + SLACK;
        } else if (model instanceof DistinctLDiversity l) {
            ok = freq.size() >= l.l();
        } else if (model instanceof EntropyLDiversity e) {
            ok = freq.size() >= Math.ceil(e.l()) && entropyDiverse(e, freq.values(), n);
        } else if (model instanceof RecursiveCLDiversity r) {
            ok = recursiveDiverse(r, freq.values());
        } else if (model instanceof EqualDistanceTCloseness t) {
            ok = equalDistance(distribution(c.sensitive()), distribution(table), dictionary) <= t.t() + SLACK;
        } else if (model instanceof OrderedDistanceTCloseness t) {
            ok = orderedDistance(distribution(c.sensitive()), distribution(table), dictionary) <= t.t() + SLACK;
        } else if (model instanceof HierarchicalDistanceTCloseness t) {
            ok = hierarchicalDistance(distribution(c.sensitive()), distribution(table), t.hierarchy()) <= t.t() + SLACK;
        }
        return ok ? null : model + " fails on class " + c.labels() + " with values " + freq;
    }

    /**
     * Why the kept classes violate a risk-based model, or null: over the kept classes that are not completely
     * generalized (every label "*"), as ARX counts them.
     */
    static String sampleViolation(PrivacyModel model, List<PublishedClass> kept) {
        List<PublishedClass> counted = kept.stream().filter(c -> !c.labels().stream().allMatch("*"::equals)).toList();
        long records = counted.stream().mapToLong(PublishedClass::size).sum();
        long uniques = counted.stream().filter(c -> c.size() == 1).count();
        boolean ok = true;
        if (model instanceof AverageRisk r) {
            ok = records == 0 || (double) counted.size() / records <= r.threshold() + SLACK;
        } else if (model instanceof SampleUniqueness u) {
            ok = records == 0 || (double) uniques / records <= u.threshold() + SLACK;
        }
        return ok ? null : model + " fails: " + counted.size() + " classes, " + records + " records, " + uniques
                + " alone";
    }

    /** Shannon: H = −Σ p·ln p ≥ ln l. Grassberger: Σ f·G(f) ≤ n·(G(n) − ln l), G from its closed form. */
    private static boolean entropyDiverse(EntropyLDiversity e, Collection<Long> frequencies, int n) {
        if (e.estimator() == EntropyLDiversity.Estimator.SHANNON) {
            double h = 0;
            for (long f : frequencies) {
                double p = (double) f / n;
                h -= p * Math.log(p);
            }
            return h >= Math.log(e.l()) - SLACK;
        }
        double left = 0;
        for (long f : frequencies) {
            left += f * grassberger(f);
        }
        return left <= n * (grassberger(n) - Math.log(e.l())) + 1e-6 * n;
    }

    /** G(2k) = −γ − ln 2 + Σ_{i=1..k} 2/(2i − 1); an odd x takes G(x − 1). */
    private static double grassberger(long x) {
        double g = -0.5772156649015329 - Math.log(2);
        for (long i = 1; i <= x / 2; i++) {
            g += 2.0 / (2 * i - 1);
        }
        return g;
    }

    /** r_1 < c·(r_l + … + r_d) over the frequencies sorted descending, with at least l values. */
    private static boolean recursiveDiverse(RecursiveCLDiversity r, Collection<Long> frequencies) {
        List<Long> sorted = new ArrayList<>(frequencies);
        sorted.sort(Comparator.reverseOrder());
        if (sorted.size() < r.l()) {
            return false;
        }
        long tail = sorted.subList(r.l() - 1, sorted.size()).stream().mapToLong(Long::longValue).sum();
        return sorted.get(0) < r.c() * tail;
    }

    private static Map<String, Double> distribution(List<String> values) {
        Map<String, Double> p = new LinkedHashMap<>();
        for (String v : values) {
            p.merge(v, 1.0 / values.size(), Double::sum);
        }
        return p;
    }

    /** ½·Σ |p(s) − q(s)| over the dictionary. */
    private static double equalDistance(Map<String, Double> p, Map<String, Double> q, List<String> dictionary) {
        double sum = 0;
        for (String s : dictionary) {
            sum += Math.abs(p.getOrDefault(s, 0.0) - q.getOrDefault(s, 0.0));
        }
        return sum / 2;
    }

    /** Σ |cumulative p − q| over the dictionary in string order, over M − 1. */
    private static double orderedDistance(Map<String, Double> p, Map<String, Double> q, List<String> dictionary) {
        List<String> ordered = dictionary.stream().sorted().toList();
        double cumulative = 0;
        double sum = 0;
        for (String s : ordered) {
            cumulative += p.getOrDefault(s, 0.0) - q.getOrDefault(s, 0.0);
            sum += Math.abs(cumulative);
        }
        return sum / (ordered.size() - 1);
    }

    /**
     * The earth mover's distance in the tree: for each inner node at level ℓ, the mass its children exchange
     * (the lesser of what their surpluses and their deficits total) moves at cost ℓ/h. A child's surplus is the sum
     * of q − p over the leaves below it.
     */
    private static double hierarchicalDistance(Map<String, Double> p, Map<String, Double> q, Hierarchy tree) {
        int h = tree.height();
        double cost = 0;
        for (int level = 1; level <= h; level++) {
            // node label at `level` → child label at level − 1 → surplus of the leaves under that child
            Map<String, Map<String, Double>> children = new TreeMap<>();
            for (int row = 0; row < tree.size(); row++) {
                String leaf = tree.value(row, 0);
                double extra = q.getOrDefault(leaf, 0.0) - p.getOrDefault(leaf, 0.0);
                children.computeIfAbsent(tree.value(row, level), x -> new TreeMap<>())
                        .merge(tree.value(row, level - 1), extra, Double::sum);
            }
            for (Map<String, Double> node : children.values()) {
                double positive = node.values().stream().filter(x -> x > 0).mapToDouble(Double::doubleValue).sum();
                double negative = -node.values().stream().filter(x -> x < 0).mapToDouble(Double::doubleValue).sum();
                cost += (double) level / h * Math.min(positive, negative);
            }
        }
        return cost;
    }
}
