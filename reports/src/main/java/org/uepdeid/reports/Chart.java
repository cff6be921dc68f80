package org.uepdeid.reports;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/**
 * A chart of the report, drawn by XChart into a PNG: drawn at twice its size, so that it stays sharp on high-density
 * screens, and embedded as a {@code data:} URI, so that the report needs nothing beside itself. Each kind of chart
 * says what it shows; drawing, encoding and the look they share live here.
 */
sealed interface Chart permits BarChart, TrendChart, LevelChart {

    /** CSS pixels; the PNG has {@link #PIXEL_RATIO} times as many. */
    int WIDTH = 940;
    int PIXEL_RATIO = 2;

    List<Color> PALETTE = List.of(new Color(0x2f5f9e), new Color(0xa9b6c8), new Color(0xd9822b));
    Color INK = new Color(0x222222);
    Color MARKER = new Color(0xc0392b);
    Color GRID = new Color(0xe3e7ec);
    Font PLAIN = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);

    /** A threshold drawn as a line across the chart, with its label. */
    record Marker(double value, String label) {
        public Marker {
            Require.text("marker label", label);
        }
    }

    String title();

    /** The height in CSS pixels. */
    int height();

    /** What the chart shows, in words: the image's alternative text. */
    String description();

    /** Draws the chart at its CSS size. */
    void paint(Graphics2D graphics);

    /** The chart as {@code data:image/png;base64,...}. */
    default String dataUri() {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png());
    }

    /** The chart as PNG bytes, {@link #PIXEL_RATIO} times its CSS size. */
    default byte[] png() {
        BufferedImage image = new BufferedImage(WIDTH * PIXEL_RATIO, height() * PIXEL_RATIO,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.scale(PIXEL_RATIO, PIXEL_RATIO);
            paint(graphics);
        } finally {
            graphics.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding the chart " + title() + " as PNG", e);
        }
        return png.toByteArray();
    }

    /** The look every chart shares: white, no border, the report's fonts and ink, locale-independent numbers. */
    static void style(AxesChartStyler styler) {
        styler.setLocale(Locale.ROOT);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setChartTitleFont(TITLE);
        styler.setChartFontColor(INK);
        styler.setAxisTickLabelsFont(PLAIN);
        styler.setAxisTitleFont(PLAIN);
        styler.setPlotGridLinesColor(GRID);
        styler.setLegendFont(PLAIN);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setAnnotationLineColor(MARKER);
        styler.setAnnotationTextFont(PLAIN);
        styler.setAnnotationTextFontColor(MARKER);
    }
}
