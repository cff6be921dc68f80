package org.uepdeid.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * A day's figure over 30 days, checked on the picture: a point for every day with a value, a zero drawn as a point,
 * and a day without a value a gap in the line.
 */
class TrendChartTest {

    static final int POINT = 0x2f5f9e;
    private static final LocalDate FROM = LocalDate.of(2026, 10, 29);
    private static final LocalDate TO = FROM.plusDays(29);

    @Test
    void drawsAPointPerDayAndBreaksTheLineWhereADayIsMissing() throws IOException {
        SortedMap<LocalDate, Double> values = everyDayBut(Set.of(5, 6, 17));

        BufferedImage png = picture(new TrendChart("Records", "records", ValueScale.COUNT, FROM, TO, values, null));

        assertThat(points(png)).hasSize(27);
        // The line and its points, together, span three stretches of the chart: days 0–4, 7–16 and 18–29.
        assertThat(ChartImages.columnStretches(png, ChartImages::blue)).isEqualTo(3);
        assertThat(gapsBetween(points(png))).containsExactly(3.0, 2.0);
    }

    @Test
    void aZeroIsAPointNotAGap() throws IOException {
        SortedMap<LocalDate, Double> values = everyDayBut(Set.of());
        values.put(FROM.plusDays(10), 0.0);

        BufferedImage png = picture(new TrendChart("Suppressed", "share", ValueScale.SHARE, FROM, TO, values, null));

        assertThat(points(png)).hasSize(30);
        assertThat(ChartImages.columnStretches(png, ChartImages::blue)).isEqualTo(1);
    }

    @Test
    void saysEachDayInWordsAndNamesTheMissingOnes() {
        TrendChart chart = new TrendChart("Records published per day", "records", ValueScale.COUNT, FROM, TO,
                everyDayBut(Set.of(1)), new Chart.Marker(150, "limit 150"));

        assertThat(chart.description()).startsWith("Records published per day. 2026-10-29: 100; 2026-10-30: no "
                + "release; 2026-10-31: 100;").endsWith("2026-11-27: 100. limit 150.");
    }

    @Test
    void refusesValuesOutsideItsWindowAndAWindowWithoutAny() {
        SortedMap<LocalDate, Double> late = new TreeMap<>(java.util.Map.of(TO.plusDays(1), 1.0));
        assertThatThrownBy(() -> new TrendChart("Late", "x", ValueScale.COUNT, FROM, TO, late, null))
                .hasMessageContaining("lie outside the window 2026-10-29 to 2026-11-27");
        assertThatThrownBy(() -> new TrendChart("Empty", "x", ValueScale.COUNT, FROM, TO, new TreeMap<>(), null))
                .hasMessageContaining("Empty has nothing to draw");
    }

    /** 100 on every day of the window but the given ones (counted from 0). */
    private static SortedMap<LocalDate, Double> everyDayBut(Set<Integer> missing) {
        SortedMap<LocalDate, Double> values = new TreeMap<>();
        for (int day = 0; day < 30; day++) {
            if (!missing.contains(day)) {
                values.put(FROM.plusDays(day), 100.0);
            }
        }
        return values;
    }

    private static BufferedImage picture(Chart chart) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(chart.png()));
    }

    /** The day points: dark blobs the size of a marker. */
    static List<Double> points(BufferedImage png) {
        return ChartImages.blobs(png, ChartImages.near(POINT), 40);
    }

    /** The distances between neighbouring points that exceed one day, in days. */
    static List<Double> gapsBetween(List<Double> points) {
        double day = (points.get(points.size() - 1) - points.get(0)) / (30 - 1);
        return java.util.stream.IntStream.range(1, points.size())
                .mapToObj(i -> (double) Math.round((points.get(i) - points.get(i - 1)) / day))
                .filter(d -> d > 1).toList();
    }
}
