package org.uepdeid.jobs.verify;

import java.util.HashMap;
import java.util.Map;
import org.uepdeid.anonymizer.hierarchy.Hierarchy;

/**
 * t-closeness with hierarchical ground distance: moving a share between two values costs the level of their lowest
 * common ancestor over the hierarchy's height. Computed bottom-up: each node nets its children's surpluses and
 * deficits, and pays level / height for the part that cancels at that node.
 */
record HierarchicalTMeasure(double t, Map<String, Long> overall, Hierarchy hierarchy) implements TClosenessMeasure {

    HierarchicalTMeasure {
        overall = Map.copyOf(overall);
        for (String value : overall.keySet()) {
            if (hierarchy.rowOf(value) < 0) {
                throw new IllegalArgumentException("t-closeness: a published sensitive value is not in "
                        + "the hierarchy " + hierarchy.source());
            }
        }
    }

    @Override
    public double distance(Shares shares) {
        int height = hierarchy.height();
        // The surplus (class share minus release share) of each node of the current level, keyed by its label.
        Map<String, Double> surplus = new HashMap<>();
        Map<String, Integer> rowOf = new HashMap<>();
        for (String value : overall.keySet()) {
            surplus.put(value, shares.inClass(value) - shares.overall(value));
            rowOf.put(value, hierarchy.rowOf(value));
        }
        double cost = 0;
        Map<String, Integer> representative = rowOf;
        for (int level = 1; level <= height; level++) {
            Map<String, double[]> parents = new HashMap<>();
            Map<String, Integer> parentRow = new HashMap<>();
            for (Map.Entry<String, Double> child : surplus.entrySet()) {
                int row = representative.get(child.getKey());
                String parent = hierarchy.value(row, level);
                double[] posNeg = parents.computeIfAbsent(parent, p -> new double[2]);
                posNeg[child.getValue() > 0 ? 0 : 1] += Math.abs(child.getValue());
                parentRow.putIfAbsent(parent, row);
            }
            Map<String, Double> next = new HashMap<>();
            for (Map.Entry<String, double[]> parent : parents.entrySet()) {
                double[] posNeg = parent.getValue();
                cost += (double) level / height * Math.min(posNeg[0], posNeg[1]);
                next.put(parent.getKey(), posNeg[0] - posNeg[1]);
            }
            surplus = next;
            representative = parentRow;
        }
        return cost;
    }
}
