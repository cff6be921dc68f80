package org.uepdeid.jobs.aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.uepdeid.anonymizer.dp.BudgetCharge;
import org.uepdeid.anonymizer.dp.Mechanism;
import org.uepdeid.anonymizer.dp.NoiseDistribution;
import org.uepdeid.anonymizer.dp.PartitionSelection;
import org.uepdeid.anonymizer.dp.PrivacyBudget;
import org.uepdeid.anonymizer.dp.PrivacyLoss;
import org.uepdeid.anonymizer.dp.ReleaseShare;
import org.uepdeid.anonymizer.dp.Sensitivity;
import org.uepdeid.anonymizer.dp.ShareWeights;
import org.uepdeid.jobs.config.AggregatesSection;
import org.uepdeid.jobs.config.ProductNames;
import org.uepdeid.jobs.config.PrivacySection;

/**
 * What differential privacy makes of one product, from the config alone (so verify derives the same and compares):
 * its share of a release, each measure's sensitivity and noise, and the partition selection of an open domain.
 *
 * @param product   the product
 * @param share     its share of the release
 * @param measures  each noisy measure ({@code devices} first), with its sensitivity and noise
 * @param selection the partition selection of the cells outside the public ones; empty when only public cells exist
 */
public record ProductPrivacy(String product, ReleaseShare share, Map<String, MeasureNoise> measures,
                             Optional<PartitionSelection> selection) {

    /** One measure's bounds and the noise they call for. */
    public record MeasureNoise(Sensitivity sensitivity, NoiseDistribution noise) {
    }

    /**
     * How a product's share is split over its measures: the device count weighs {@value #DEVICES_WEIGHT} against 1
     * for each sum. Device counts are what the accuracy goal is about (cells of at least 1,000 devices within 2 % at
     * the 90th percentile) and what partition selection thresholds; the sums, whose per-cell caps make them far
     * noisier anyway, pay for it (README "Differential privacy").
     */
    static final double DEVICES_WEIGHT = 9;
    private static final ShareWeights MEASURE_WEIGHTS =
            new ShareWeights(Map.of(StatsProduct.DEVICES, DEVICES_WEIGHT));

    public ProductPrivacy {
        measures = Collections.unmodifiableMap(new LinkedHashMap<>(measures));
    }

    /**
     * Every product's privacy with no class label known, so the products over classes select their cells privately:
     * the most a release can spend, for checks made before the day's classes are read.
     */
    public static List<ProductPrivacy> of(AggregatesSection aggregates) {
        return of(aggregates, ClassLabels.UNKNOWN);
    }

    /**
     * Every product's privacy under {@code aggregates.privacy}, over the day's {@code classLabels}, in publication
     * order; none without a mechanism.
     */
    public static List<ProductPrivacy> of(AggregatesSection aggregates, ClassLabels classLabels) {
        PrivacySection privacy = aggregates.privacy();
        if (!privacy.differentiallyPrivate()) {
            return List.of();
        }
        Mechanism mechanism = privacy.mechanism().orElseThrow();
        Map<String, ReleaseShare> shares = privacy.budget().orElseThrow().releaseShare()
                .split(privacy.weights(), ProductNames.PRODUCTS);
        return StatsProducts.all(aggregates, classLabels).stream()
                .map(p -> of(p, mechanism, shares.get(p.name()), privacy.maxCellsPerDevice(p.name()))).toList();
    }

    /** The one of {@code product}, no class label known. */
    public static ProductPrivacy of(AggregatesSection aggregates, String product) {
        return of(aggregates, ClassLabels.UNKNOWN, product);
    }

    /** The one of {@code product}, over the day's {@code classLabels}. */
    public static ProductPrivacy of(AggregatesSection aggregates, ClassLabels classLabels, String product) {
        return of(aggregates, classLabels).stream().filter(p -> p.product().equals(product)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no differentially private product " + product));
    }

    private static ProductPrivacy of(StatsProduct product, Mechanism mechanism, ReleaseShare share, int maxCells) {
        Map<String, ReleaseShare> measureShares = share.split(MEASURE_WEIGHTS, product.measureNames());
        Map<String, MeasureNoise> measures = new LinkedHashMap<>();
        for (String name : product.measureNames()) {
            long perCell = product.measures().stream().filter(m -> m.name().equals(name)).findFirst()
                    .map(Measure::publishedBound).orElse(1L);
            Sensitivity sensitivity = new Sensitivity(maxCells, perCell);
            measures.put(name, new MeasureNoise(sensitivity,
                    mechanism.calibrate(measureShares.get(name).loss(), sensitivity)));
        }
        Optional<PartitionSelection> selection = !product.domain().privateRest() ? Optional.empty()
                : Optional.of(PartitionSelection.of(measures.get(StatsProduct.DEVICES).noise(), maxCells,
                        share.selectionDelta()));
        return new ProductPrivacy(product.name(), share, measures, selection);
    }

    /** The L0 bound of the product. */
    public long maxCellsPerDevice() {
        return measures.get(StatsProduct.DEVICES).sensitivity().maxCellsPerDevice();
    }

    /** What its noise really spends: the measures' losses composed (at most the share). */
    public PrivacyLoss spent() {
        PrivacyLoss total = null;
        for (MeasureNoise measure : measures.values()) {
            PrivacyLoss loss = measure.noise().loss(measure.sensitivity());
            total = total == null ? loss : total.plus(loss);
        }
        return total;
    }

    /** The δ its partition selection really spends; 0 for a domain of public cells only. */
    public double selectionDelta() {
        return selection.map(PartitionSelection::deltaSpent).orElse(0.0);
    }

    /** Its charge against the budget for the release {@code releaseId} of {@code date}. */
    public BudgetCharge charge(LocalDate date, String releaseId, PrivacyBudget budget, Instant recordedAt) {
        return BudgetCharge.of(date, releaseId, product, spent(), selectionDelta(), budget, recordedAt);
    }
}
