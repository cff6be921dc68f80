package org.uepdeid.reports;

import java.util.List;

/**
 * One check {@code verify} ran on the release. Measured value and threshold are shown as {@code verify} wrote them.
 *
 * @param target  what was checked (a dataset or product)
 * @param detail  why it failed or what it covered; may be empty
 * @param sample  masked examples of offending values (never raw ones); may be empty
 */
public record VerificationCheck(String name, String target, String measured, String threshold, boolean passed,
                                String detail, List<String> sample) {

    public VerificationCheck {
        Require.text("check name", name);
        target = target == null ? "" : target;
        measured = measured == null ? "" : measured;
        threshold = threshold == null ? "" : threshold;
        detail = detail == null ? "" : detail;
        sample = List.copyOf(sample);
    }
}
