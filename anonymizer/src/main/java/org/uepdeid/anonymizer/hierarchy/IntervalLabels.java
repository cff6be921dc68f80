package org.uepdeid.anonymizer.hierarchy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.uepdeid.anonymizer.hierarchy.HierarchySpec.Intervals;

/** The labels an {@link Intervals} spec gives one number at each level below the root. */
final class IntervalLabels {

    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal MAX_COUNT = BigDecimal.valueOf(Long.MAX_VALUE);
    /** The most level-1 intervals {@link #representatives()} lists. */
    static final long MAX_REPRESENTED = 100_000;

    private final Intervals spec;
    /** Level-1 intervals in [min, max); the last one may be cut short at max. */
    private final long count;
    /**
     * Levels below the root: level 1, then every merge that still leaves more than one group. It depends on the spec
     * alone, so every domain gets the same height.
     */
    private final int levels;

    IntervalLabels(Intervals spec) {
        this.spec = spec;
        this.count = count(spec.min(), spec.max(), spec.width(), spec.scale());
        this.levels = levels(count, spec.fanout());
    }

    /**
     * How many level-1 intervals cover [min, max), given fields that are otherwise valid; the {@link Intervals}
     * constructor calls it too, so that a spec whose intervals cannot be counted is never built.
     *
     * @throws IllegalArgumentException if the width is so small that the count does not fit a long
     */
    static long count(BigDecimal min, BigDecimal max, BigDecimal width, Intervals.Scale scale) {
        if (scale == Intervals.Scale.LINEAR) {
            BigDecimal count = max.subtract(min).divide(width, 0, RoundingMode.CEILING);
            if (count.compareTo(MAX_COUNT) > 0) {
                throw new IllegalArgumentException("width " + plain(width) + " is too small: it makes more than "
                        + Long.MAX_VALUE + " intervals between min and max");
            }
            return count.longValueExact();
        }
        long count = 1;
        for (BigDecimal upper = min.multiply(TWO); upper.compareTo(max) < 0; upper = upper.multiply(TWO)) {
            count++;
        }
        return count;
    }

    List<String> labels(BigDecimal value) {
        if (value.compareTo(spec.min()) < 0) {
            return Collections.nCopies(levels, "<" + plain(spec.min()));
        }
        if (value.compareTo(spec.max()) >= 0) {
            return Collections.nCopies(levels, ">=" + plain(spec.max()));
        }
        long index = index(value);
        List<String> labels = new ArrayList<>(levels);
        long span = 1;
        for (int level = 1; level <= levels; level++) {
            // levels() keeps only spans below count, so this product cannot overflow.
            span = level == 1 ? 1 : span * spec.fanout();
            long first = index / span * span;
            long end = span >= count - first ? count : first + span;
            labels.add("[" + plain(bound(first)) + ", " + plain(bound(end)) + ")");
        }
        return labels;
    }

    /**
     * One value per level-1 interval (its lower bound), one below min and max itself: between them every label of
     * every level; empty beyond {@link #MAX_REPRESENTED} intervals, too many to publish each.
     */
    Optional<List<String>> representatives() {
        if (count > MAX_REPRESENTED) {
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        values.add(plain(spec.min().subtract(BigDecimal.ONE)));
        for (long k = 0; k < count; k++) {
            values.add(plain(bound(k)));
        }
        values.add(plain(spec.max()));
        return Optional.of(values);
    }

    private static int levels(long count, int fanout) {
        int levels = 1;
        for (long span = fanout; span < count; span *= fanout) {
            levels++;
            if (span > count / fanout) {
                break;
            }
        }
        return levels;
    }

    /** The level-1 interval of a value in [min, max). */
    private long index(BigDecimal value) {
        if (spec.scale() == Intervals.Scale.LINEAR) {
            return value.subtract(spec.min()).divideToIntegralValue(spec.width()).longValueExact();
        }
        long index = 0;
        for (BigDecimal upper = spec.min().multiply(TWO); upper.compareTo(value) <= 0; upper = upper.multiply(TWO)) {
            index++;
        }
        return index;
    }

    /** The lower bound of level-1 interval {@code k}; {@code count} stands for max, where the last one is cut. */
    private BigDecimal bound(long k) {
        if (k >= count) {
            return spec.max();
        }
        return spec.scale() == Intervals.Scale.LINEAR
                ? spec.min().add(spec.width().multiply(BigDecimal.valueOf(k)))
                : spec.min().multiply(TWO.pow(Math.toIntExact(k)));
    }

    /** Bounds print without exponent or trailing zeros, so 1024 is "1024" whether it was written 1024 or 1.024E3. */
    static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }
}
