package org.uepdeid.reports;

/**
 * Records whose re-identification risk falls in one bucket.
 *
 * @param bucket the risk range as {@code verify} labels it ({@code (0.05, 0.1]}, ...)
 */
public record RiskBucket(String bucket, long records) {

    public RiskBucket {
        Require.text("risk bucket", bucket);
        Require.count("records in risk bucket " + bucket, records);
    }
}
