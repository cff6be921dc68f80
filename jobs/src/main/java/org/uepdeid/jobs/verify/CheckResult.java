package org.uepdeid.jobs.verify;

import java.util.List;

/**
 * The outcome of one check on one published output, as {@code compliance.json} lists it.
 *
 * <p>A result carries counts, shares and masked samples only: it is written to a report that must leak nothing, so
 * the constructor refuses a sample that was not masked by {@link SampleMask}.
 *
 * @param name      the check's name ({@code k_anonymity}, {@code pii_patterns}, ...)
 * @param target    the output checked, relative to {@code published/} ({@code microdata/device_profiles})
 * @param measured  what was measured: a number, or a string when the measure is not numeric
 * @param threshold what it was compared with, or null when nothing is declared and the figure is reported only
 * @param passed    whether the output satisfies the rule
 * @param detail    the rule and the figures behind the verdict, for a reader
 * @param sample    a few offending values, masked; empty when it passed
 */
public record CheckResult(String name, String target, Object measured, Object threshold, boolean passed,
                          String detail, List<String> sample) {

    /** More would make the report a list of the offending values rather than an example of them. */
    static final int MAX_SAMPLE = 5;

    public CheckResult {
        if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("check name must be snake case, got " + name);
        }
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("check " + name + ": the target is missing");
        }
        requireScalar(name, "measured", measured, false);
        requireScalar(name, "threshold", threshold, true);
        sample = List.copyOf(sample == null ? List.of() : sample);
        if (sample.size() > MAX_SAMPLE) {
            sample = sample.subList(0, MAX_SAMPLE);
        }
        if (!sample.stream().allMatch(SampleMask::isMasked)) {
            throw new IllegalArgumentException("check " + name + ": a sample value is not masked");
        }
        detail = detail == null ? "" : detail;
    }

    /** A result with nothing to show: the rule held, or the sample would say no more than the detail. */
    static CheckResult of(String name, String target, Object measured, Object threshold, boolean passed,
                          String detail) {
        return new CheckResult(name, target, measured, threshold, passed, detail, List.of());
    }

    /**
     * A rule that could not be measured on this output, and why. It fails: a release must not pass on a check that
     * proved nothing.
     */
    static CheckResult notMeasured(String name, String target, Object threshold, String why) {
        return of(name, target, "not measured", threshold, false, why);
    }

    private static void requireScalar(String name, String field, Object value, boolean nullable) {
        if (value == null ? !nullable : !(value instanceof Number || value instanceof String)) {
            throw new IllegalArgumentException("check " + name + ": " + field + " must be a number or a string"
                    + (nullable ? " or null" : ""));
        }
    }
}
