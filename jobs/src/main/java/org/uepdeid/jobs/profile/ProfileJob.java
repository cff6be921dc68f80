package org.uepdeid.jobs.profile;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.uepdeid.jobs.config.ConfigException;
import org.uepdeid.jobs.config.PipelineConfig;
import org.uepdeid.jobs.staging.EventType;
import org.uepdeid.jobs.staging.StagingEvents;
import org.uepdeid.jobs.layout.AtomicPublisher;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.layout.StagedOutput;
import org.uepdeid.jobs.manifest.Accounting;
import org.uepdeid.jobs.manifest.CodeVersion;
import org.uepdeid.jobs.manifest.DatasetCount;
import org.uepdeid.jobs.manifest.ManifestFile;
import org.uepdeid.jobs.manifest.RunManifest;

/**
 * The profile job: {@code staging/events/dt=D} to {@code staging/profiles/dt=D}, exactly one row per device
 * pseudonym that sent a device_profile that day, its latest one (by {@code ts}, then event id, so re-runs agree).
 *
 * <p>Devices with events but no profile that day are not in the profiles: inventing hardware for them would add
 * records no device has. Their events still reach the aggregates, which join events to profile classes and count an
 * unmatched device under a null class; the manifest reports how many there were ({@code devices_without_profile}).
 *
 * <p>The manifest's accounting counts device_profile events: each becomes the device's profile ({@code accepted}) or
 * is superseded by a later one of the same device that day ({@code duplicates}).
 */
public record ProfileJob(SparkSession spark, PipelineConfig config, Clock clock) {

    public static final String NAME = "profile";

    private static final Logger LOG = LoggerFactory.getLogger(ProfileJob.class);
    private static final String RANK = "rank";

    /** Builds one day's profiles and returns the manifest written beside them. */
    public RunManifest run(LocalDate date) throws IOException {
        Instant start = clock.instant();
        DataRoot root = new DataRoot(config.dataRoot());
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        Path eventsPath = root.stagingEvents(date);
        if (!eventsPath.getFileSystem(hadoop).exists(eventsPath)) {
            throw new ConfigException("no staging events for this --date: " + eventsPath
                    + " does not exist; run ingest first");
        }
        Dataset<Row> events = spark.read().parquet(eventsPath.toString());
        long eventRows = events.count();
        long devices = events.select(StagingEvents.DEVICE_PSEUDONYM).distinct().count();
        Dataset<Row> profileEvents = events.filter(col(StagingEvents.EVENT_TYPE)
                .equalTo(EventType.DEVICE_PROFILE.code()));
        long profileEventCount = profileEvents.count();
        Dataset<Row> latest = profileEvents
                .withColumn(RANK, row_number().over(Window.partitionBy(StagingEvents.DEVICE_PSEUDONYM)
                        .orderBy(col(StagingEvents.TS).desc(), col(StagingEvents.EVENT_ID).desc())))
                .filter(col(RANK).equalTo(1))
                .select(DeviceProfileColumns.columns().toArray(Column[]::new));

        try (StagedOutput profiles = new AtomicPublisher(hadoop).stage(root.stagingProfiles(date))) {
            latest.write().parquet(profiles.temporary().toString());
            long profileRows = spark.read().parquet(profiles.temporary().toString()).count();
            Accounting accounting = new Accounting(profileEventCount, profileRows, Map.of(), 0, 0, 0,
                    profileEventCount - profileRows).requireBalanced();
            Map<String, JsonNode> extra = new LinkedHashMap<>();
            extra.put("accounting_unit", JsonNodeFactory.instance.textNode("device_profile events"));
            extra.put("devices", JsonNodeFactory.instance.numberNode(devices));
            extra.put("devices_without_profile", JsonNodeFactory.instance.numberNode(devices - profileRows));
            RunManifest manifest = new RunManifest(RunManifest.newRunId(start), NAME, date, CodeVersion.current(),
                    config.source().sha256(), List.of(new DatasetCount(eventsPath.toString(), eventRows)),
                    List.of(new DatasetCount(profiles.target().toString(), profileRows)), accounting, null, null,
                    extra);
            new ManifestFile(hadoop).write(profiles.temporary(), manifest);
            profiles.publish();
            LOG.info("profile {}: {} events, {} devices, {} profiles, {} superseded, {} devices without a profile",
                    date, eventRows, devices, profileRows, accounting.duplicates(), devices - profileRows);
            return manifest;
        }
    }
}
