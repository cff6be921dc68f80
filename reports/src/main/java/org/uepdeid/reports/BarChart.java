package org.uepdeid.reports;

import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.HorizontalBarChart;
import org.knowm.xchart.HorizontalBarChartBuilder;
import org.knowm.xchart.style.HorizontalBarStyler;

/**
 * A horizontal bar chart: one bar (or group of bars) per category. Horizontal, so that long labels
 * ({@code quarantined: timestamp_outside_day}) stay readable.
 *
 * @param valueAxis  the title of the value axis (what a bar measures)
 * @param categories one bar (or group of bars) each, top to bottom
 * @param series     one value per category each; more than one series draws grouped bars and a legend
 * @param marker     a vertical line at a threshold, labelled at the bottom, or {@code null}
 */
record BarChart(String title, String valueAxis, ValueScale scale, List<String> categories, List<Series> series,
                Marker marker) implements Chart {

    /** Room right of the longest bar for its label, as a share of the longest value. */
    private static final double LABEL_ROOM = 1.18;

    /** Bars of one name across the categories. */
    record Series(String name, List<Double> values) {
        Series {
            Require.text("series name", name);
            values = List.copyOf(values);
        }
    }

    BarChart {
        Require.text("chart title", title);
        Require.text(title + ": value axis", valueAxis);
        Require.present(title + ": scale", scale);
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        if (categories.isEmpty() || series.isEmpty()) {
            throw new IllegalArgumentException("report: chart " + title + " has nothing to draw");
        }
        for (Series s : series) {
            if (s.values().size() != categories.size()) {
                throw new IllegalArgumentException("report: chart " + title + ": series " + s.name() + " has "
                        + s.values().size() + " values for " + categories.size() + " categories");
            }
        }
    }

    /** A chart of one series. */
    static BarChart of(String title, String valueAxis, ValueScale scale, List<String> categories,
                       List<Double> values) {
        return new BarChart(title, valueAxis, scale, categories, List.of(new Series(valueAxis, values)), null);
    }

    /** This chart with a threshold line. */
    BarChart withMarker(double value, String label) {
        return new BarChart(title, valueAxis, scale, categories, series, new Marker(value, label));
    }

    /** A band per category, tall enough for its bars and label. */
    @Override
    public int height() {
        int band = Math.max(20, 6 + 14 * series.size());
        int legend = series.size() > 1 ? 36 : 0;
        return 96 + legend + band * categories.size();
    }

    @Override
    public String description() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < categories.size(); i++) {
            List<String> values = new ArrayList<>();
            for (Series s : series) {
                values.add((series.size() > 1 ? s.name() + " " : "") + scale.format(s.values().get(i)));
            }
            parts.add(categories.get(i) + ": " + String.join(", ", values));
        }
        String text = title + ". " + String.join("; ", parts) + ".";
        return marker == null ? text : text + " " + marker.label() + ".";
    }

    @Override
    public void paint(Graphics2D graphics) {
        chart().paint(graphics, WIDTH, height());
    }

    private HorizontalBarChart chart() {
        HorizontalBarChart chart = new HorizontalBarChartBuilder().width(WIDTH).height(height()).title(title)
                .xAxisTitle(valueAxis).build();
        for (int i = 0; i < series.size(); i++) {
            chart.addSeries(series.get(i).name(), series.get(i).values(), categories)
                    .setFillColor(PALETTE.get(i % PALETTE.size()));
        }
        style(chart.getStyler());
        if (marker != null) {
            chart.addAnnotation(new AnnotationLine(marker.value(), true, false));
            // Below the last band, beside the line: the label then never covers a bar.
            chart.addAnnotation(new AnnotationText(marker.label(), marker.value(), categories.size() - 0.55,
                    false));
        }
        return chart;
    }

    private void style(HorizontalBarStyler styler) {
        Chart.style(styler);
        styler.setLegendVisible(series.size() > 1);
        styler.setLabelsVisible(true);
        styler.setLabelsPosition(1.05);
        styler.setLabelsFont(PLAIN);
        styler.setLabelsFontColorAutomaticEnabled(false);
        styler.setLabelsFontColor(INK);
        // XChart thins out category labels closer than its tick spacing hint; a label count keeps every one
        // (XChart refuses a count of 1).
        styler.setXAxisMaxLabelCount(Math.max(2, categories.size()));
        styler.setXAxisDecimalPattern(scale.pattern());
        styler.setXAxisMin(0.0);
        styler.setXAxisMax(axisMax());
    }

    /** Shares run to 100 %; other scales to a little past the longest bar, leaving room for its label. */
    private double axisMax() {
        if (scale == ValueScale.SHARE) {
            return 1.0;
        }
        double longest = series.stream().flatMap(s -> s.values().stream()).mapToDouble(Double::doubleValue)
                .max().orElse(0);
        if (marker != null) {
            longest = Math.max(longest, marker.value());
        }
        return longest > 0 ? longest * LABEL_ROOM : 1.0;
    }
}
