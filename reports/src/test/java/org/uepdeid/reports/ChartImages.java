package org.uepdeid.reports;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/** Finds the chart images of a rendered report and decodes them, to check that each really draws something. */
final class ChartImages {

    private static final Pattern CHART = Pattern.compile("<img class=\"chart\" src=\"data:image/png;base64,([^\"]*)\"");

    private ChartImages() {
    }

    static List<BufferedImage> in(String html) throws IOException {
        List<BufferedImage> images = new ArrayList<>();
        Matcher m = CHART.matcher(html);
        while (m.find()) {
            images.add(ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1)))));
        }
        return images;
    }

    /** Distinct colours, up to {@code enough}: a blank image has one, a drawn chart many. */
    static int colours(BufferedImage image, int enough) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight() && seen.size() < enough; y++) {
            for (int x = 0; x < image.getWidth() && seen.size() < enough; x++) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }

    /** Pixels within a small distance of {@code rgb}. */
    static long pixelsNear(BufferedImage image, int rgb) {
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                if (Math.abs(((p >> 16) & 0xff) - ((rgb >> 16) & 0xff)) < 12
                        && Math.abs(((p >> 8) & 0xff) - ((rgb >> 8) & 0xff)) < 12
                        && Math.abs((p & 0xff) - (rgb & 0xff)) < 12) {
                    count++;
                }
            }
        }
        return count;
    }
}
