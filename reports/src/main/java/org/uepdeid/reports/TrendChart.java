package org.uepdeid.reports;

import java.awt.Graphics2D;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One figure per day over a window of days, as a line with a point per day that has a value. A day without one (no
 * release) is a gap in the line, never a point at zero, so that a missing day cannot pass for an empty one.
 *
 * @param values by day; only days in {@code [from, to]}
 * @param marker a horizontal line at a threshold, or {@code null}
 */
record TrendChart(String title, String valueAxis, ValueScale scale, LocalDate from, LocalDate to,
                  SortedMap<LocalDate, Double> values, Marker marker) implements Chart {

    static final int HEIGHT = 150;
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");
    /** Room above the highest point (or the marker) for the line to stay clear of the title. */
    private static final double HEADROOM = 1.2;

    TrendChart {
        Require.text("chart title", title);
        Require.text(title + ": value axis", valueAxis);
        Require.present(title + ": scale", scale);
        Require.present(title + ": first day", from);
        Require.present(title + ": last day", to);
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("report: chart " + title + ": window " + from + " to " + to
                    + " ends before it starts");
        }
        values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
        if (values.isEmpty()) {
            throw new IllegalArgumentException("report: chart " + title + " has nothing to draw");
        }
        if (values.firstKey().isBefore(from) || values.lastKey().isAfter(to)) {
            throw new IllegalArgumentException("report: chart " + title + ": values from " + values.firstKey()
                    + " to " + values.lastKey() + " lie outside the window " + from + " to " + to);
        }
        values.forEach((day, value) -> {
            if (value == null || !Double.isFinite(value)) {
                throw new IllegalArgumentException("report: chart " + title + ": " + day + " has no finite value");
            }
        });
    }

    /** Days in the window, the first one 0. */
    private int days() {
        return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }

    @Override
    public int height() {
        return HEIGHT;
    }

    @Override
    public String description() {
        List<String> parts = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            Double value = values.get(day);
            parts.add(day + ": " + (value == null ? "no release" : scale.format(value)));
        }
        String text = title + ". " + String.join("; ", parts) + ".";
        return marker == null ? text : text + " " + marker.label() + ".";
    }

    @Override
    public void paint(Graphics2D graphics) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).yAxisTitle(valueAxis).build();
        double[] x = new double[days()];
        double[] y = new double[days()];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            // XChart breaks the line at NaN: a day without a value draws neither a point nor a segment.
            y[i] = values.getOrDefault(from.plusDays(i), Double.NaN);
        }
        // A light line first, the day's points over it: each point stands out, and so does a missing one.
        XYSeries line = chart.addSeries(valueAxis + ", line", x, y);
        line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(PALETTE.get(1));
        XYSeries points = chart.addSeries(valueAxis, x, y);
        points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        points.setMarker(SeriesMarkers.CIRCLE);
        points.setMarkerColor(PALETTE.get(0));
        style(chart.getStyler());
        chart.setCustomXAxisTickLabelsFormatter(i -> from.plusDays(Math.round(i)).format(DAY));
        if (marker != null) {
            chart.addAnnotation(new AnnotationLine(marker.value(), false, false));
            chart.addAnnotation(new AnnotationText(marker.label(), x.length - 1, marker.value(), false));
        }
        chart.paint(graphics, WIDTH, HEIGHT);
    }

    private void style(XYStyler styler) {
        Chart.style(styler);
        styler.setLegendVisible(false);
        styler.setMarkerSize(7);
        styler.setXAxisMin(-0.5);
        styler.setXAxisMax(days() - 0.5);
        styler.setYAxisMin(0.0);
        styler.setYAxisMax(axisMax());
        styler.setYAxisDecimalPattern(scale.pattern());
        styler.setPlotGridVerticalLinesVisible(false);
    }

    private double axisMax() {
        double highest = values.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        if (marker != null) {
            highest = Math.max(highest, marker.value());
        }
        return highest > 0 ? highest * HEADROOM : 1.0;
    }
}
