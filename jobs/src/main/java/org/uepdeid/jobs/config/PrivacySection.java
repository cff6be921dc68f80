package org.uepdeid.jobs.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.uepdeid.anonymizer.dp.EpsilonDelta;
import org.uepdeid.anonymizer.dp.Mechanism;
import org.uepdeid.anonymizer.dp.PrivacyBudget;
import org.uepdeid.anonymizer.dp.ShareWeights;
import org.uepdeid.anonymizer.input.DocumentNode;

/**
 * {@code aggregates.privacy}: differential privacy for the statistics products. Absent, or {@code mechanism: none},
 * the products are exact counts under the {@code min_devices} threshold and for the company's own analysts only.
 * Otherwise every cell is noisy, every release is charged to {@code budget} over any {@code period_days} window, and
 * the products may go to affiliates.
 *
 * @param mechanism         the noise, or empty for {@code none}
 * @param budget            the window rules; empty for {@code none}
 * @param weights           how a release's share is split over the products (absent products weigh 1)
 * @param maxCellsPerDevice L0 of each product: the most cells one device feeds per day (a device over it keeps a
 *                          random subset)
 */
public record PrivacySection(Optional<Mechanism> mechanism, Optional<PrivacyBudget> budget, ShareWeights weights,
                             Map<String, Integer> maxCellsPerDevice) {

    public static final String KEY = "privacy";
    public static final String MECHANISM = "mechanism";
    public static final String PERIOD_DAYS = "period_days";
    public static final String BUDGET = "budget";
    public static final String PER_RELEASE = "per_release";
    public static final String WEIGHTS = "weights";
    public static final String MAX_CELLS_PER_DEVICE = "max_cells_per_device";
    public static final String NONE = "none";

    public static final int DEFAULT_PERIOD_DAYS = 30;
    /**
     * Defaults of L0. Products over the anonymized classes put a device in one cell; a device reports its settings
     * once each (five scalars and four keys each of dock, hot corners and mouse); logins fall in a few hours a day; four sources exist.
     * Apps vary most: ten app versions a day cover most devices, and every extra one multiplies the noise by √L0.
     */
    public static final Map<String, Integer> DEFAULT_MAX_CELLS = defaults();

    /** Exact statistics under the threshold rules: what a config without {@code aggregates.privacy} reads as. */
    public static final PrivacySection EXACT =
            new PrivacySection(Optional.empty(), Optional.empty(), ShareWeights.EVEN, DEFAULT_MAX_CELLS);

    private static final String PATH = AggregatesSection.KEY + "." + KEY;
    private static final List<String> KNOWN_KEYS =
            List.of(MECHANISM, PERIOD_DAYS, BUDGET, PER_RELEASE, WEIGHTS, MAX_CELLS_PER_DEVICE);
    private static final List<String> EPSILON_DELTA = List.of("epsilon", "delta");

    public PrivacySection {
        if (mechanism.isPresent() != budget.isPresent()) {
            throw new IllegalArgumentException("privacy: a mechanism needs a budget, and only a mechanism has one");
        }
        budget.ifPresent(b -> {
            if (b.accounting() != mechanism.get().accounting()) {
                throw new IllegalArgumentException("privacy: the budget's accounting is not the mechanism's");
            }
        });
        maxCellsPerDevice = Map.copyOf(maxCellsPerDevice);
        for (String product : ProductNames.PRODUCTS) {
            if (maxCellsPerDevice.getOrDefault(product, 0) < 1) {
                throw ConfigException.badValue(PATH + "." + MAX_CELLS_PER_DEVICE + "." + product,
                        maxCellsPerDevice.getOrDefault(product, 0), "must be at least 1");
            }
        }
    }

    /** Whether the products are differentially private. */
    public boolean differentiallyPrivate() {
        return mechanism.isPresent();
    }

    /** L0 of {@code product}. */
    public int maxCellsPerDevice(String product) {
        Integer cells = maxCellsPerDevice.get(product);
        if (cells == null) {
            throw new IllegalArgumentException("no max_cells_per_device for product " + product);
        }
        return cells;
    }

    /** Reads the section; absent it is {@link #EXACT}. Every error names the key and the value. */
    static PrivacySection read(DocumentNode section) {
        if (!section.isPresent()) {
            return EXACT;
        }
        section.mapping(KNOWN_KEYS);
        DocumentNode mechanismNode = section.at(MECHANISM);
        String name = mechanismNode.isPresent() ? mechanismNode.text() : Mechanism.DISCRETE_GAUSSIAN.configName();
        Map<String, Integer> maxCells = maxCells(section.at(MAX_CELLS_PER_DEVICE));
        ShareWeights weights = weights(section.at(WEIGHTS));
        if (NONE.equals(name)) {
            return new PrivacySection(Optional.empty(), Optional.empty(), weights, maxCells);
        }
        Mechanism mechanism;
        try {
            mechanism = Mechanism.named(name);
        } catch (IllegalArgumentException e) {
            throw mechanismNode.invalid("must be one of discrete-gaussian, discrete-laplace, " + NONE);
        }
        DocumentNode period = section.at(PERIOD_DAYS);
        int periodDays = period.isPresent() ? period.wholeNumber() : DEFAULT_PERIOD_DAYS;
        if (periodDays < 1) {
            throw period.invalid("must be at least 1");
        }
        EpsilonDelta total = epsilonDelta(section.get(BUDGET));
        DocumentNode perReleaseNode = section.at(PER_RELEASE);
        Optional<EpsilonDelta> perRelease = perReleaseNode.isPresent()
                ? Optional.of(epsilonDelta(perReleaseNode)) : Optional.empty();
        PrivacyBudget budget;
        try {
            budget = new PrivacyBudget(mechanism.accounting(), periodDays, total, perRelease);
        } catch (IllegalArgumentException e) {
            throw (perReleaseNode.isPresent() ? perReleaseNode : section.at(BUDGET)).error(e.getMessage(), e);
        }
        return new PrivacySection(Optional.of(mechanism), Optional.of(budget), weights, maxCells);
    }

    private static EpsilonDelta epsilonDelta(DocumentNode node) {
        node.mapping(EPSILON_DELTA);
        DocumentNode epsilon = node.get("epsilon");
        if (!(epsilon.number() > 0)) {
            throw epsilon.invalid("must be positive");
        }
        // Partition selection of the open-domain products spends δ under either mechanism; zCDP's conversion too.
        DocumentNode delta = node.at("delta");
        if (!delta.isPresent()) {
            throw delta.error("is required: partition selection of the open-domain products spends it");
        }
        if (!(delta.number() > 0 && delta.number() < 1)) {
            throw delta.invalid("must be in (0, 1)");
        }
        return new EpsilonDelta(epsilon.number(), delta.number());
    }

    private static ShareWeights weights(DocumentNode node) {
        if (!node.isPresent()) {
            return ShareWeights.EVEN;
        }
        node.mapping(ProductNames.PRODUCTS);
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String product : node.keys()) {
            DocumentNode weight = node.get(product);
            if (!(weight.number() > 0)) {
                throw weight.invalid("must be positive");
            }
            weights.put(product, weight.number());
        }
        return new ShareWeights(weights);
    }

    private static Map<String, Integer> maxCells(DocumentNode node) {
        Map<String, Integer> cells = new LinkedHashMap<>(DEFAULT_MAX_CELLS);
        if (!node.isPresent()) {
            return cells;
        }
        node.mapping(ProductNames.PRODUCTS);
        for (String product : node.keys()) {
            DocumentNode value = node.get(product);
            if (value.wholeNumber() < 1) {
                throw value.invalid("must be at least 1");
            }
            cells.put(product, value.wholeNumber());
        }
        return cells;
    }

    private static Map<String, Integer> defaults() {
        Map<String, Integer> cells = new LinkedHashMap<>();
        cells.put(ProductNames.OS_ADOPTION, 1);
        cells.put(ProductNames.HARDWARE_LANDSCAPE, 1);
        cells.put(ProductNames.APP_USAGE, 10);
        cells.put(ProductNames.LOGIN_PATTERNS, 4);
        cells.put(ProductNames.DOWNLOAD_SOURCES, 4);
        cells.put(ProductNames.SETTINGS_POPULARITY, 17);
        // One profile per device: one cell each, unless it reported twice in the day with other values.
        cells.put(ProductNames.BOARDS_AND_BIOS, 1);
        cells.put(ProductNames.STORAGE_LAYOUT, 1);
        cells.put(ProductNames.NETWORK_CARDS, 1);
        cells.put(ProductNames.KERNEL_VERSIONS, 1);
        cells.put(ProductNames.UPDATE_RECENCY, 1);
        return Map.copyOf(cells);
    }
}
