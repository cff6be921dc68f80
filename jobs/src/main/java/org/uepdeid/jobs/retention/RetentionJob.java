package org.uepdeid.jobs.retention;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.uepdeid.jobs.config.PipelineConfig;
import org.uepdeid.jobs.layout.AtomicPublisher;
import org.uepdeid.jobs.layout.DailyZone;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.layout.DayPartition;

/**
 * The retention job: removes whole day partitions older than their zone's period (the config's {@code retention}
 * section). Only folders named exactly {@code dt=YYYY-MM-DD} are ever removed; anything else in a zone is reported
 * and left alone, so a stray folder or a run's {@code _staging} folder is never deleted by accident.
 *
 * <p>It needs no Spark: it only lists and removes folders.
 */
public final class RetentionJob {

    public static final String NAME = "retention";

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    private final Configuration hadoop;
    private final PipelineConfig config;

    public RetentionJob(Configuration hadoop, PipelineConfig config) {
        this.hadoop = hadoop;
        this.config = config;
    }

    /**
     * Removes, or with {@code dryRun} only lists, the partitions {@code dt=D} of each zone with
     * {@code D < asOf - days}.
     */
    public RetentionReport run(LocalDate asOf, boolean dryRun) throws IOException {
        DataRoot root = new DataRoot(config.dataRoot());
        FileSystem fs = root.path().getFileSystem(hadoop);
        RetentionPolicy policy = RetentionPolicy.of(root, config.retention(), fs);
        AtomicPublisher publisher = new AtomicPublisher(hadoop);
        List<ZoneOutcome> outcomes = new ArrayList<>();
        for (ZoneRetention zone : policy.zones()) {
            DayPartition.Listing listing = DayPartition.list(fs, zone.folder(), DailyZone.nestedIn(zone.name()));
            List<LocalDate> removed = new ArrayList<>();
            for (DayPartition day : listing.days()) {
                if (zone.expired(day.date(), asOf)) {
                    if (!dryRun) {
                        publisher.remove(day.path());
                    }
                    removed.add(day.date());
                }
            }
            List<String> leftAlone = listing.others().stream().map(Path::getName).toList();
            outcomes.add(new ZoneOutcome(zone, removed, listing.days().size() - removed.size(), leftAlone));
            LOG.info("retention {}: {} {} of {} partition(s){}", zone.name(), dryRun ? "would remove" : "removed",
                    removed.size(), listing.days().size(), leftAlone.isEmpty() ? ""
                            : ", " + leftAlone.size() + " other entr(ies) left alone");
        }
        return new RetentionReport(asOf, dryRun, outcomes);
    }
}
