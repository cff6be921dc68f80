package org.uepdeid.jobs.generate;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import scala.Tuple2;

/**
 * Spark task body: how many lines of each kind a partition of devices sends on one day. Counted from the
 * plans, without rendering, in a pass of its own: accumulators updated during the write could double-count
 * when a task is retried.
 */
final class LineKindCounts implements MapPartitionsFunction<Long, Tuple2<String, Long>> {

    private static final long serialVersionUID = 1L;

    private final Population population;
    private final LocalDate day;

    LineKindCounts(Population population, LocalDate day) {
        this.population = population;
        this.day = day;
    }

    @Override
    public Iterator<Tuple2<String, Long>> call(Iterator<Long> deviceIndexes) {
        Map<String, Long> counts = new TreeMap<>();
        population.deviceDays(day, deviceIndexes)
                .forEach(deviceDay -> deviceDay.lines().forEach(plan -> counts.merge(plan.kind(), 1L, Long::sum)));
        return counts.entrySet().stream().map(entry -> new Tuple2<>(entry.getKey(), entry.getValue())).iterator();
    }
}
