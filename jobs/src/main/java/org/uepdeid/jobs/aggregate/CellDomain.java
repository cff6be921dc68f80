package org.uepdeid.jobs.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.uepdeid.jobs.config.ConfigException;
import org.uepdeid.jobs.config.VocabulariesSection;

/**
 * Which cells a product can have under differential privacy. Its public cells are known without looking at the data
 * (weekday × hour, the download sources ingest accepts, the values of the configured vocabularies, every label of the
 * day's class levels: {@link ClassLabels}) and are published whole, every cell noisy, zeros included. Any other cell
 * (app id × version, settings the vocabulary does not list, labels a hierarchy builds from the day's values) is part
 * of the private rest: it appears only through partition selection, so no cell appears because of one device. A
 * domain is public (no rest), private (no public cells) or mixed.
 *
 * @param publicCells every public cell's labels, in dimension order
 * @param privateRest whether cells outside the public ones may appear (through partition selection)
 */
record CellDomain(List<List<String>> publicCells, boolean privateRest) {

    /** A domain with no public cell: every cell selected privately. */
    static final CellDomain OPEN = new CellDomain(List.of(), true);
    /**
     * The most public cells a product may have. Each is published every day, noise and all: a domain this large is a
     * vocabulary gone wrong (a set-valued dimension of many values, a long range), not a product anyone reads.
     */
    static final int MAX_PUBLIC_CELLS = 20_000;

    /** How a product's cells are chosen, as its manifest states it ({@code partition_selection.kind}). */
    enum Kind {
        PUBLIC, PRIVATE, MIXED;

        String manifestName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    CellDomain {
        publicCells = publicCells.stream().map(List::copyOf).toList();
        if (publicCells.isEmpty() && !privateRest) {
            throw new IllegalArgumentException("a domain without public cells must select its cells privately");
        }
        if (Set.copyOf(publicCells).size() != publicCells.size()) {
            throw new IllegalArgumentException("a domain's public cells must be distinct");
        }
    }

    /**
     * The closed domain of every combination of the dimensions' values, the first dimension varying slowest.
     *
     * @throws ConfigException naming {@code product} when the vocabularies make more than {@link #MAX_PUBLIC_CELLS}
     */
    static CellDomain closed(String product, List<List<String>> valuesByDimension) {
        long size = size(valuesByDimension);
        if (size > MAX_PUBLIC_CELLS) {
            throw new ConfigException(VocabulariesSection.KEY + ": product " + product + " would publish " + size
                    + " cells a day (" + String.join(" × ", valuesByDimension.stream()
                    .map(v -> Integer.toString(v.size())).toList()) + " values); at most " + MAX_PUBLIC_CELLS
                    + ": shorten its vocabularies");
        }
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
        return new CellDomain(cells, false);
    }

    /** How many cells every combination of the dimensions' values makes. */
    static long size(List<List<String>> valuesByDimension) {
        return valuesByDimension.stream().mapToLong(List::size).reduce(1, Math::multiplyExact);
    }

    /** These public cells, any other cell selected privately. */
    static CellDomain mixed(List<List<String>> publicCells) {
        return new CellDomain(publicCells, true);
    }

    /** The labels of a dimension with a vocabulary: its values, {@value VocabulariesSection#OTHER}, then none. */
    static List<String> labels(List<String> vocabulary) {
        List<String> labels = new ArrayList<>(vocabulary);
        labels.add(VocabulariesSection.OTHER);
        labels.add(VocabulariesSection.NOT_DISCLOSED);
        return labels;
    }

    /**
     * The labels of a set-valued dimension with a vocabulary (a device's file systems): every non-empty subset of its
     * values and {@value VocabulariesSection#OTHER}, sorted and comma-joined as the profiles join them, then none.
     */
    static List<String> subsetLabels(List<String> vocabulary) {
        List<String> values = new ArrayList<>(vocabulary);
        values.add(VocabulariesSection.OTHER);
        values.sort(String::compareTo);
        List<String> labels = new ArrayList<>();
        for (int subset = 1; subset < 1 << values.size(); subset++) {
            List<String> members = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                if ((subset & 1 << i) != 0) {
                    members.add(values.get(i));
                }
            }
            labels.add(String.join(",", members));
        }
        labels.add(VocabulariesSection.NOT_DISCLOSED);
        return labels;
    }

    Kind kind() {
        return publicCells.isEmpty() ? Kind.PRIVATE : privateRest ? Kind.MIXED : Kind.PUBLIC;
    }
}
