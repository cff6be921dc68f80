package org.uepdeid.jobs.generate;

import java.time.LocalDate;
import java.util.Iterator;
import org.apache.spark.api.java.function.MapPartitionsFunction;

/** Spark task body: the landing lines (raw bytes, possibly not UTF-8) of a partition of devices on one day. */
final class LandingLines implements MapPartitionsFunction<Long, byte[]> {

    private static final long serialVersionUID = 1L;

    private final Population population;
    private final LocalDate day;

    LandingLines(Population population, LocalDate day) {
        this.population = population;
        this.day = day;
    }

    @Override
    public Iterator<byte[]> call(Iterator<Long> deviceIndexes) {
        EventRenderer renderer = new EventRenderer(population);
        return population.deviceDays(day, deviceIndexes)
                .flatMap(deviceDay -> deviceDay.lines().stream().map(plan -> renderer.line(deviceDay, plan)))
                .iterator();
    }
}
