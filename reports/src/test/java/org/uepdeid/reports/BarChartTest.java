package org.uepdeid.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The one chart helper: a sharp PNG of the declared size, and no chart of nothing. */
class BarChartTest {

    @Test
    void drawsAtTwiceItsSizeInTheFirstSeriesColour() throws IOException {
        BarChart chart = BarChart.of("Records", "records", ValueScale.COUNT, List.of("a", "b"), List.of(3.0, 5.0));

        BufferedImage png = ImageIO.read(new ByteArrayInputStream(chart.png()));

        assertThat(png.getWidth()).isEqualTo(BarChart.WIDTH * 2);
        assertThat(png.getHeight()).isEqualTo(chart.height() * 2);
        assertThat(ChartImages.pixelsNear(png, 0x2f5f9e)).as("bar pixels").isGreaterThan(1000);
    }

    @Test
    void oneBarIsEnough() throws IOException {
        BarChart chart = BarChart.of("One", "classes", ValueScale.COUNT, List.of("size 10"), List.of(4.0));

        assertThat(ChartImages.pixelsNear(ImageIO.read(new ByteArrayInputStream(chart.png())), 0x2f5f9e))
                .isGreaterThan(1000);
    }

    @Test
    void allZeroValuesStillDraw() throws IOException {
        BarChart chart = BarChart.of("Nothing", "lines", ValueScale.COUNT, List.of("in", "kept"), List.of(0.0, 0.0));

        assertThat(ChartImages.colours(ImageIO.read(new ByteArrayInputStream(chart.png())), 10)).isGreaterThan(1);
    }

    @Test
    void describesBarsAndMarkerInWords() {
        BarChart chart = BarChart.of("Risk", "risk", ValueScale.SHARE, List.of("highest"), List.of(0.0833))
                .withMarker(0.1, "threshold 10%");

        assertThat(chart.description()).isEqualTo("Risk. highest: 8.33%. threshold 10%.");
    }

    @Test
    void refusesAChartOfNothingOrOfMismatchedSeries() {
        assertThatThrownBy(() -> BarChart.of("Empty", "x", ValueScale.COUNT, List.of(), List.of()))
                .hasMessageContaining("Empty has nothing to draw");
        assertThatThrownBy(() -> BarChart.of("Short", "x", ValueScale.COUNT, List.of("a", "b"), List.of(1.0)))
                .hasMessageContaining("1 values for 2 categories");
    }
}
