package org.uepdeid.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Class sizes in ranges that follow k: every class lands in exactly one range, and the ranges read as written. */
class ClassSizeRangeTest {

    @Test
    void rangesStartAtKAndGrowToPowersOfTen() {
        List<ClassSizeRange> ranges = ClassSizeRange.of(List.of(new ClassSize(10, 7, 70), new ClassSize(13, 2, 26),
                new ClassSize(20, 1, 20), new ClassSize(64, 3, 192), new ClassSize(4_321, 1, 4_321)), 10);

        assertThat(ranges).extracting(ClassSizeRange::label)
                .containsExactly("10", "11–20", "21–50", "51–100", "101–1,000", "1,001–10,000");
        assertThat(ranges).extracting(ClassSizeRange::classes).containsExactly(7L, 3L, 0L, 3L, 0L, 1L);
        assertThat(ranges).extracting(ClassSizeRange::records).containsExactly(70L, 46L, 0L, 192L, 0L, 4_321L);
    }

    @Test
    void aSmallKReachesTheNextPowerOfTenAfterTenK() {
        assertThat(ClassSizeRange.of(List.of(new ClassSize(5, 1, 5), new ClassSize(99, 1, 99),
                new ClassSize(101, 1, 101)), 5)).extracting(ClassSizeRange::label)
                .containsExactly("5", "6–10", "11–25", "26–50", "51–100", "101–1,000");
        assertThat(ClassSizeRange.of(List.of(new ClassSize(1, 4, 4), new ClassSize(3, 1, 3)), 1))
                .extracting(ClassSizeRange::label).containsExactly("1", "2", "3–5");
    }

    @Test
    void classesBelowKGetARangeOfTheirOwn() {
        List<ClassSizeRange> ranges = ClassSizeRange.of(List.of(new ClassSize(3, 1, 3), new ClassSize(9, 2, 18),
                new ClassSize(10, 1, 10)), 10);

        assertThat(ranges).extracting(ClassSizeRange::label).containsExactly("1–9", "10");
        assertThat(ranges.get(0).belowK(10)).isTrue();
        assertThat(ranges.get(0).classes()).isEqualTo(3);
        assertThat(ranges.get(1).belowK(10)).isFalse();
    }

    @Test
    void thousandsOfSizesFitInAFewRangesAndNoClassIsLost() {
        List<ClassSize> sizes = LargeDay.classSizes();

        List<ClassSizeRange> ranges = ClassSizeRange.of(sizes, 10);

        assertThat(sizes).hasSizeGreaterThan(2_000);
        assertThat(ranges).hasSizeLessThanOrEqualTo(8);
        assertThat(ranges.stream().mapToLong(ClassSizeRange::classes).sum())
                .isEqualTo(sizes.stream().mapToLong(ClassSize::classes).sum());
        assertThat(ranges.stream().mapToLong(ClassSizeRange::records).sum())
                .isEqualTo(sizes.stream().mapToLong(ClassSize::records).sum());
    }

    @Test
    void refusesAKBelowOne() {
        assertThatThrownBy(() -> ClassSizeRange.of(new ArrayList<>(), 0)).hasMessageContaining("k must be at least 1");
    }
}
