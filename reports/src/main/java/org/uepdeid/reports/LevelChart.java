package org.uepdeid.reports;

import java.awt.Color;
import java.awt.Graphics2D;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.HeatMapStyler;

/**
 * The generalization level chosen for each quasi-identifier on each day of a window, as a grid: a row per
 * quasi-identifier, a column per day, each cell the level written in it and shaded by it. A day without a release is
 * an empty column.
 *
 * @param levels by day, the levels of that day's release
 */
record LevelChart(String title, LocalDate from, LocalDate to, SortedMap<LocalDate, List<QiLevel>> levels)
        implements Chart {

    private static final int ROW = 26;
    /** Level 0 to the highest hierarchy height; light enough at the top for the level written in the cell. */
    private static final Color[] SHADES = {new Color(0xf1f4f9), new Color(0x8fa9d1)};

    LevelChart {
        Require.text("chart title", title);
        Require.present(title + ": first day", from);
        Require.present(title + ": last day", to);
        levels = Collections.unmodifiableSortedMap(new TreeMap<>(levels));
        if (levels.isEmpty() || levels.values().stream().allMatch(List::isEmpty)) {
            throw new IllegalArgumentException("report: chart " + title + " has nothing to draw");
        }
        if (levels.firstKey().isBefore(from) || levels.lastKey().isAfter(to)) {
            throw new IllegalArgumentException("report: chart " + title + ": levels from " + levels.firstKey()
                    + " to " + levels.lastKey() + " lie outside the window " + from + " to " + to);
        }
    }

    /** Every quasi-identifier of the window, in the order the days name them (a config change adds rows). */
    List<String> attributes() {
        Set<String> attributes = new LinkedHashSet<>();
        levels.values().forEach(day -> day.forEach(l -> attributes.add(l.attribute())));
        return List.copyOf(attributes);
    }

    @Override
    public int height() {
        return 110 + ROW * attributes().size();
    }

    @Override
    public String description() {
        List<String> parts = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            List<QiLevel> dayLevels = levels.get(day);
            parts.add(day + ": " + (dayLevels == null ? "no release" : String.join(", ", dayLevels.stream()
                    .map(l -> l.attribute() + " " + l.level() + " of " + l.height()).toList())));
        }
        return title + ". " + String.join("; ", parts) + ".";
    }

    @Override
    public void paint(Graphics2D graphics) {
        List<String> attributes = attributes();
        // The heat map's rows run bottom-up: reversed, the first quasi-identifier is the top row.
        List<String> rows = new ArrayList<>(attributes);
        Collections.reverse(rows);
        List<String> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.add(day.format(TrendChart.DAY));
        }
        List<Number[]> cells = new ArrayList<>();
        int highest = 1;
        for (Map.Entry<LocalDate, List<QiLevel>> day : levels.entrySet()) {
            int column = (int) ChronoUnit.DAYS.between(from, day.getKey());
            for (QiLevel level : day.getValue()) {
                cells.add(new Number[] {column, rows.indexOf(level.attribute()), level.level()});
                highest = Math.max(highest, level.height());
            }
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(height()).title(title).build();
        chart.addSeries("levels", days, rows, cells);
        style(chart.getStyler(), highest, days.size());
        chart.paint(graphics, WIDTH, height());
    }

    private static void style(HeatMapStyler styler, int highest, int days) {
        Chart.style(styler);
        styler.setLegendVisible(false);
        styler.setShowValue(true);
        styler.setValueFont(PLAIN);
        styler.setValueFontColor(INK);
        styler.setHeatMapValueDecimalPattern("0");
        styler.setMin(0);
        styler.setMax(highest);
        styler.setRangeColors(SHADES);
        styler.setDrawBorder(true);
        styler.setXAxisLabelRotation(45);
        styler.setXAxisMaxLabelCount(days);
        // XChart thins out row labels closer than its spacing hint; every row is labelled.
        styler.setYAxisTickMarkSpacingHint(ROW / 2);
        styler.setPlotGridLinesVisible(false);
    }
}
