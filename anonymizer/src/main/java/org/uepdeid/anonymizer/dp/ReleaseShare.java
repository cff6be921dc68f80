package org.uepdeid.anonymizer.dp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one release, or one product of it, may spend: a privacy loss for its noise and a δ for its partition
 * selection.
 *
 * @param loss           ρ (zCDP) or ε (pure) for the noise on every measure together
 * @param selectionDelta the δ partition selection may spend (0 or unused where cells are public)
 */
public record ReleaseShare(PrivacyLoss loss, double selectionDelta) {

    public ReleaseShare {
        if (loss == null) {
            throw new IllegalArgumentException("release share: the loss is required");
        }
        if (!(selectionDelta >= 0 && selectionDelta < 1)) {
            throw new IllegalArgumentException("release share: selection delta must be in [0, 1), got "
                    + selectionDelta);
        }
    }

    /**
     * The share of each part by its weight, rounded down, so the parts together never hold more than this share. A
     * product's δ is split the same way; a product with public cells leaves its δ unspent.
     */
    public Map<String, ReleaseShare> split(ShareWeights weights, List<String> parts) {
        Map<String, ReleaseShare> shares = new LinkedHashMap<>();
        weights.fractions(parts).forEach((part, fraction) -> shares.put(part, new ReleaseShare(loss.times(fraction),
                Rational.of(selectionDelta).multiply(fraction).toDoubleFloor())));
        return shares;
    }
}
