package org.uepdeid.jobs.aggregate;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import org.uepdeid.anonymizer.dp.BudgetCharge;
import org.uepdeid.anonymizer.dp.EpsilonDelta;
import org.uepdeid.anonymizer.dp.PrivacyBudget;
import org.uepdeid.jobs.config.PipelineConfig;
import org.uepdeid.jobs.config.PrivacySection;

/**
 * The {@code privacy} section of a differentially private product's manifest. Its
 * {@code differential_privacy} block states the mechanism, the unit and window, what this product charged
 * ({@code epsilon}, {@code delta}, {@code rho}), each measure's {@code sensitivity} and {@code noise_stddev}, the
 * {@code partition_selection}, the {@code budget} and what the window ending on the day has {@code spent}. Every
 * figure follows from the config: none from the data, so publishing them costs nothing.
 */
final class DifferentialPrivacyManifest {

    static final String KEY = "differential_privacy";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final PipelineConfig config;
    private final String releaseId;
    private final EpsilonDelta windowSpent;

    DifferentialPrivacyManifest(PipelineConfig config, String releaseId, EpsilonDelta windowSpent) {
        this.config = config;
        this.releaseId = releaseId;
        this.windowSpent = windowSpent;
    }

    /** The section for {@code product}; {@code smallest} is the least published (noisy) device count, or null. */
    ObjectNode privacy(StatsProduct product, ProductPrivacy privacy, long publishedCells, Long smallest,
                       LocalDate date) {
        PrivacySection section = config.aggregates().privacy();
        PrivacyBudget budget = section.budget().orElseThrow();
        ObjectNode node = JSON.objectNode();
        node.put("unit", "device");
        ObjectNode bounds = node.putObject("contribution_bounds");
        bounds.put("per", "device, cell and day");
        bounds.put(PrivacySection.MAX_CELLS_PER_DEVICE, privacy.maxCellsPerDevice());
        product.measures().forEach(m -> bounds.put(m.name(), m.publishedBound()));
        ObjectNode dp = node.putObject(KEY);
        dp.put("mechanism", section.mechanism().orElseThrow().configName());
        dp.put("accounting", budget.accounting().manifestName());
        dp.put("unit", "device over " + budget.periodDays() + " days");
        dp.put("period_days", budget.periodDays());
        dp.put("release_id", releaseId);
        BudgetCharge charge = privacy.charge(date, releaseId, budget, Instant.EPOCH);
        dp.put("epsilon", charge.epsilon());
        dp.put("delta", charge.delta());
        charge.rho().ifPresentOrElse(rho -> dp.put("rho", rho), () -> dp.putNull("rho"));
        ObjectNode sensitivity = dp.putObject("sensitivity");
        ObjectNode stddev = dp.putObject("noise_stddev");
        privacy.measures().forEach((name, measure) -> {
            sensitivity.putObject(name).put("l0", measure.sensitivity().maxCellsPerDevice())
                    .put("linf", measure.sensitivity().maxPerCell()).put("l1", measure.sensitivity().l1())
                    .put("l2_squared", measure.sensitivity().l2Squared());
            stddev.put(name, measure.noise().standardDeviation());
        });
        ObjectNode selection = dp.putObject("partition_selection").put("kind", product.domain().kind().manifestName())
                .put("public_cells", product.domain().publicCells().size());
        privacy.selection().ifPresent(s -> selection.put("threshold", s.threshold()).put("delta", s.deltaSpent()));
        ObjectNode total = dp.putObject("budget").put("epsilon", budget.total().epsilon())
                .put("delta", budget.total().delta());
        budget.perRelease().ifPresent(r -> total.putObject("per_release").put("epsilon", r.epsilon())
                .put("delta", r.delta()));
        dp.putObject("spent").put("from", date.minusDays(budget.periodDays() - 1L).toString())
                .put("to", date.toString()).put("epsilon", windowSpent.epsilon()).put("delta", windowSpent.delta());
        node.put("published_cells", publishedCells);
        if (smallest == null) {
            node.putNull("min_published_devices");
        } else {
            node.put("min_published_devices", smallest);
        }
        return node;
    }
}
