package org.uepdeid.jobs.aggregate;

import java.util.ArrayList;
import java.util.List;

/**
 * Which cells a product can have under differential privacy. A closed domain is known without looking at the data
 * (weekday × hour, the download sources ingest accepts) and is published whole, every cell noisy, zeros included.
 * An open one (app id × version, setting values, the labels hierarchies build for the day's values) is not: a cell
 * appears only through partition selection, so no cell appears because of one device.
 *
 * @param cells every cell's labels, in dimension order; empty for an open domain
 */
record CellDomain(List<List<String>> cells) {

    static final CellDomain OPEN = new CellDomain(List.of());

    CellDomain {
        cells = cells.stream().map(List::copyOf).toList();
    }

    /** The cells of every combination of the dimensions' values, the first dimension varying slowest. */
    static CellDomain product(List<List<String>> valuesByDimension) {
        List<List<String>> cells = List.of(List.of());
        for (List<String> values : valuesByDimension) {
            List<List<String>> longer = new ArrayList<>();
            for (List<String> prefix : cells) {
                for (String value : values) {
                    List<String> cell = new ArrayList<>(prefix);
                    cell.add(value);
                    longer.add(cell);
                }
            }
            cells = longer;
        }
        return new CellDomain(cells);
    }

    boolean isPublic() {
        return !cells.isEmpty();
    }
}
