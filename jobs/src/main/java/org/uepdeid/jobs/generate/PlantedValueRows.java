package org.uepdeid.jobs.generate;

import java.time.LocalDate;
import java.util.Iterator;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import scala.Tuple3;

/** Spark task body: the personal values (device id, kind, value) planted in a partition of devices' day. */
final class PlantedValueRows implements MapPartitionsFunction<Long, Tuple3<String, String, String>> {

    private static final long serialVersionUID = 1L;

    private final Population population;
    private final LocalDate day;

    PlantedValueRows(Population population, LocalDate day) {
        this.population = population;
        this.day = day;
    }

    @Override
    public Iterator<Tuple3<String, String, String>> call(Iterator<Long> deviceIndexes) {
        return population.deviceDays(day, deviceIndexes)
                .flatMap(deviceDay -> deviceDay.plantedValues().stream())
                .map(planted -> new Tuple3<>(planted.deviceId(), planted.kind().code(), planted.value()))
                .iterator();
    }
}
