package org.uepdeid.jobs.retention;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.uepdeid.jobs.config.RetentionSection;
import org.uepdeid.jobs.layout.DailyZone;
import org.uepdeid.jobs.layout.DataRoot;

/** The retention period of every daily zone under one data root, from the config's {@code retention} section. */
public record RetentionPolicy(List<ZoneRetention> zones) {

    public RetentionPolicy {
        zones = List.copyOf(zones);
    }

    /**
     * The zones of {@code root} with their periods. The statistics products are whatever folders
     * {@code published/stats} holds, so a product dropped from the config still ages out with the others.
     */
    public static RetentionPolicy of(DataRoot root, RetentionSection section, FileSystem fs) throws IOException {
        List<ZoneRetention> zones = new ArrayList<>();
        for (DailyZone zone : DailyZone.values()) {
            zones.add(new ZoneRetention(zone.folder(), root.zone(zone), days(zone, section)));
            if (zone == DailyZone.PUBLISHED_DEVICE_PROFILES) {
                zones.addAll(statsProducts(root, section, fs));
            }
        }
        return new RetentionPolicy(zones);
    }

    private static List<ZoneRetention> statsProducts(DataRoot root, RetentionSection section, FileSystem fs)
            throws IOException {
        List<ZoneRetention> products = new ArrayList<>();
        Path stats = root.publishedStats();
        if (fs.exists(stats)) {
            for (FileStatus product : fs.listStatus(stats)) {
                String name = product.getPath().getName();
                // A hidden or oddly named folder is no product, and is left alone.
                if (product.isDirectory() && DataRoot.isProductName(name)) {
                    products.add(new ZoneRetention("published/stats/" + name, root.publishedStatsZone(name),
                            section.publishedDays()));
                }
            }
        }
        products.sort(Comparator.comparing(ZoneRetention::name));
        return products;
    }

    private static int days(DailyZone zone, RetentionSection section) {
        return switch (zone) {
            case LANDING -> section.landingDays();
            case STAGING_EVENTS, STAGING_PROFILES, STAGING_CLASSES -> section.stagingDays();
            case QUARANTINE, ANONYMIZE_QUARANTINE -> section.quarantineDays();
            case PUBLISHED_DEVICE_PROFILES -> section.publishedDays();
            case REPORTS -> section.reportsDays();
        };
    }
}
