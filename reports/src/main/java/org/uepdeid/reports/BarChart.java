package org.uepdeid.reports;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.HorizontalBarChart;
import org.knowm.xchart.HorizontalBarChartBuilder;
import org.knowm.xchart.style.HorizontalBarStyler;
import org.knowm.xchart.style.Styler;

/**
 * A horizontal bar chart drawn by XChart into a PNG, the one way the report draws a chart. Horizontal, so that long
 * labels ({@code quarantined: timestamp_outside_day}) stay readable; drawn at twice its size, so that it stays sharp
 * on high-density screens; embedded as a {@code data:} URI, so that the report needs nothing beside itself.
 *
 * @param valueAxis  the title of the value axis (what a bar measures)
 * @param categories one bar (or group of bars) each, top to bottom
 * @param series     one value per category each; more than one series draws grouped bars and a legend
 * @param marker     a vertical line at a threshold, or {@code null}
 */
record BarChart(String title, String valueAxis, ValueScale scale, List<String> categories, List<Series> series,
                Marker marker) {

    /** CSS pixels; the PNG has {@link #PIXEL_RATIO} times as many. */
    static final int WIDTH = 940;
    static final int PIXEL_RATIO = 2;

    private static final List<Color> PALETTE = List.of(new Color(0x2f5f9e), new Color(0xa9b6c8),
            new Color(0xd9822b));
    private static final Color INK = new Color(0x222222);
    private static final Color MARKER = new Color(0xc0392b);
    private static final Font PLAIN = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    /** Room right of the longest bar for its label, as a share of the longest value. */
    private static final double LABEL_ROOM = 1.18;

    /** Bars of one name across the categories. */
    record Series(String name, List<Double> values) {
        Series {
            Require.text("series name", name);
            values = List.copyOf(values);
        }
    }

    /** A threshold drawn as a vertical line across the bars, labelled at the bottom. */
    record Marker(double value, String label) {
        Marker {
            Require.text("marker label", label);
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

    /** The height in CSS pixels: a band per category, tall enough for its bars and label. */
    int height() {
        int band = Math.max(24, 8 + 14 * series.size());
        int legend = series.size() > 1 ? 36 : 0;
        return 96 + legend + band * categories.size();
    }

    /** What the chart shows, in words: the image's alternative text. */
    String description() {
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

    /** The chart as {@code data:image/png;base64,...}. */
    String dataUri() {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png());
    }

    /** The chart as PNG bytes, {@link #PIXEL_RATIO} times its CSS size. */
    byte[] png() {
        HorizontalBarChart chart = chart();
        BufferedImage image = new BufferedImage(WIDTH * PIXEL_RATIO, height() * PIXEL_RATIO,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.scale(PIXEL_RATIO, PIXEL_RATIO);
            chart.paint(graphics, WIDTH, height());
        } finally {
            graphics.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding the chart " + title + " as PNG", e);
        }
        return png.toByteArray();
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
        styler.setLocale(Locale.ROOT);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setChartTitleFont(TITLE);
        styler.setChartFontColor(INK);
        styler.setAxisTickLabelsFont(PLAIN);
        styler.setAxisTitleFont(PLAIN);
        styler.setLegendFont(PLAIN);
        styler.setLegendVisible(series.size() > 1);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setLegendBorderColor(Color.WHITE);
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
        styler.setAnnotationLineColor(MARKER);
        styler.setAnnotationTextFont(PLAIN);
        styler.setAnnotationTextFontColor(MARKER);
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
