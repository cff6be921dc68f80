package org.uepdeid.reports;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
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
                if (near(image.getRGB(x, y), rgb)) {
                    count++;
                }
            }
        }
        return count;
    }

    /**
     * The blobs of {@code rgb} in the image, left to right, as their horizontal centres: areas of touching pixels near
     * that colour with at least {@code minPixels} pixels (smaller ones are anti-aliasing specks).
     */
    static List<Double> blobs(BufferedImage image, IntPredicate colour, int minPixels) {
        int width = image.getWidth();
        boolean[] seen = new boolean[width * image.getHeight()];
        List<Double> centres = new ArrayList<>();
        ArrayDeque<Integer> todo = new ArrayDeque<>();
        for (int start = 0; start < seen.length; start++) {
            if (seen[start] || !colour.test(image.getRGB(start % width, start / width))) {
                continue;
            }
            seen[start] = true;
            todo.push(start);
            long pixels = 0;
            long xs = 0;
            while (!todo.isEmpty()) {
                int p = todo.pop();
                int x = p % width;
                int y = p / width;
                pixels++;
                xs += x;
                for (int[] d : new int[][] {{1, 0}, {-1, 0}, {0, 1}, {0, -1}}) {
                    int nx = x + d[0];
                    int ny = y + d[1];
                    if (nx >= 0 && ny >= 0 && nx < width && ny < image.getHeight() && !seen[ny * width + nx]
                            && colour.test(image.getRGB(nx, ny))) {
                        seen[ny * width + nx] = true;
                        todo.push(ny * width + nx);
                    }
                }
            }
            if (pixels >= minPixels) {
                centres.add((double) xs / pixels);
            }
        }
        centres.sort(Double::compare);
        return centres;
    }

    /**
     * How many stretches of adjacent pixel columns hold the colour somewhere: a line drawn across the chart is one, a
     * line with a gap two.
     */
    static int columnStretches(BufferedImage image, IntPredicate colour) {
        int stretches = 0;
        boolean inStretch = false;
        for (int x = 0; x < image.getWidth(); x++) {
            boolean holds = false;
            for (int y = 0; y < image.getHeight() && !holds; y++) {
                holds = colour.test(image.getRGB(x, y));
            }
            if (holds && !inStretch) {
                stretches++;
            }
            inStretch = holds;
        }
        return stretches;
    }

    /** Pixels within a small distance of {@code rgb}. */
    static IntPredicate near(int rgb) {
        return p -> near(p, rgb);
    }

    /**
     * Pixels of the report's blue series, points, lines and the blend where they meet: clearly bluer than red, which
     * no text, axis or grid line is.
     */
    static boolean blue(int p) {
        return (p & 0xff) - ((p >> 16) & 0xff) >= 20;
    }

    private static boolean near(int p, int rgb) {
        return Math.abs(((p >> 16) & 0xff) - ((rgb >> 16) & 0xff)) < 12
                && Math.abs(((p >> 8) & 0xff) - ((rgb >> 8) & 0xff)) < 12
                && Math.abs((p & 0xff) - (rgb & 0xff)) < 12;
    }
}
