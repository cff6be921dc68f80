package org.uepdeid.anonymizer.dp;

/**
 * The one rule for dividing a δ (the budget's, or a release's): where zCDP is in play, half of it converts the
 * composed ρ into (ε, δ) and half is what partition selection may spend; under pure accounting there is nothing to
 * convert and selection may spend all of it. Both δ's add up in the (ε, δ) guarantee, so together they never exceed
 * the δ they split.
 *
 * @param conversion the δ at which ρ is converted (0 without zCDP)
 * @param selection  the δ partition selection may spend
 */
record DeltaSplit(double conversion, double selection) {

    static DeltaSplit of(double delta, boolean zcdp) {
        return zcdp ? new DeltaSplit(delta / 2, delta / 2) : new DeltaSplit(0, delta);
    }
}
