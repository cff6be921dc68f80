package org.uepdeid.anonymizer.dp;

/**
 * How a mechanism's privacy loss is measured and composed: zero-concentrated DP (Bun and Steinke 2016, "Concentrated
 * Differential Privacy: Simplifications, Extensions, and Lower Bounds": ρ's add up under composition) or pure ε-DP
 * (ε's add up).
 */
public enum Accounting {
    ZCDP("zcdp"),
    PURE("pure");

    private final String manifestName;

    Accounting(String manifestName) {
        this.manifestName = manifestName;
    }

    /** The name manifests state: {@code zcdp} or {@code pure}. */
    public String manifestName() {
        return manifestName;
    }
}
