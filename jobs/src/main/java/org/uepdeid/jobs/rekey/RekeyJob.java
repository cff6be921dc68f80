package org.uepdeid.jobs.rekey;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.uepdeid.jobs.config.ConfigException;
import org.uepdeid.jobs.config.PipelineConfig;
import org.uepdeid.jobs.config.PseudonymKey;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.ledger.KeyedZones;
import org.uepdeid.jobs.ledger.Ledger;
import org.uepdeid.jobs.ledger.PartitionRewrite;
import org.uepdeid.jobs.ledger.PseudonymLedger;
import org.uepdeid.jobs.manifest.CodeVersion;
import org.uepdeid.jobs.manifest.DatasetCount;
import org.uepdeid.jobs.manifest.ManifestFile;
import org.uepdeid.jobs.manifest.RunManifest;
import org.uepdeid.jobs.rekey.RekeyReport.UnitCount;

/**
 * The rekey job: re-pseudonymizes, under a new key, every partition keyed by pseudonym ({@link KeyedZones#ZONES}) and
 * every entry of the erasure, children and consent ledgers, so that a leaked key can be retired. The privacy-budget
 * ledger holds budget figures only, no pseudonyms, and is left alone.
 *
 * <p>First it counts, per zone and ledger, the rows whose pseudonym the {@link PseudonymMapping} cannot map; if any
 * must stay (always erasure and consent entries: their effect on later ingests must not be lost; staging, quarantine
 * and children rows unless {@code dropUnmapped}) it changes nothing and says so. Then it rewrites partition by
 * partition ({@link PartitionRewrite}), each manifest given the new key id and a {@code rekey} section. A partition
 * whose manifest already carries the new key id is skipped, so a rerun after a crash finishes the rest. Nothing here
 * logs or returns a device id or pseudonym.
 */
public record RekeyJob(SparkSession spark, PipelineConfig config, Clock clock) {

    public static final String NAME = "rekey";
    /** The manifest section a rekey writes; its {@code key_id} marks the partition as done. */
    public static final String SECTION = "rekey";
    private static final String KEY_ID = "key_id";
    private static final List<Ledger> MUST_MAP = List.of(Ledger.ERASURE, Ledger.CONSENT);
    private static final Logger LOG = LoggerFactory.getLogger(RekeyJob.class);

    /**
     * What to do.
     *
     * @param idsFromFiles raw device ids beyond landing's (from {@code --ids-file})
     */
    public record Request(PseudonymKey oldKey, PseudonymKey newKey, List<String> idsFromFiles, boolean dropUnmapped,
                          boolean dryRun) {

        public Request {
            idsFromFiles = List.copyOf(idsFromFiles);
            if (oldKey.id().equals(newKey.id())) {
                throw new ConfigException("rekey: the new key's id (--new-key-id) is \"" + newKey.id() + "\", the "
                        + "old key's too (" + PseudonymKey.ID_VARIABLE + "): name the new key differently, so that "
                        + "manifests tell the keys apart");
            }
            if (Arrays.equals(oldKey.secret(), newKey.secret())) {
                throw new ConfigException("rekey: --old-key-file and --new-key-file hold the same key; "
                        + PseudonymKey.HOW_TO_MAKE_ONE);
            }
        }
    }

    /** One partition or ledger entry to re-key, with the manifest beside it, if any. */
    private record Target(String unit, boolean mayDrop, Path path, LocalDate date, Dataset<Row> rows,
                          Optional<RunManifest> manifest) {
    }

    /** A target's counts, before anything changes. */
    private record Counted(Target target, long rows, long unmapped) {
    }

    public RekeyReport run(Request request) throws IOException {
        Instant at = clock.instant();
        String runId = RunManifest.newRunId(at);
        DataRoot root = new DataRoot(config.dataRoot());
        List<String> notScanned = new ArrayList<>();
        Map<String, List<Target>> units = targets(root, at, notScanned);
        try (PseudonymMapping mapping = PseudonymMapping.build(spark, root, request.oldKey(), request.newKey(),
                request.idsFromFiles())) {
            List<UnitCount> counts = new ArrayList<>();
            Map<String, List<Counted>> todo = new LinkedHashMap<>();
            for (Map.Entry<String, List<Target>> unit : units.entrySet()) {
                int done = 0;
                List<Counted> counted = new ArrayList<>();
                for (Target target : unit.getValue()) {
                    if (carries(target.manifest(), request.newKey().id())) {
                        done++;
                    } else {
                        counted.add(counted(target, mapping));
                    }
                }
                todo.put(unit.getKey(), counted);
                counts.add(new UnitCount(unit.getKey(), mustMap(unit.getKey()), unit.getValue().size(), done,
                        counted.stream().mapToLong(Counted::rows).sum(),
                        counted.stream().mapToLong(Counted::unmapped).sum(), 0, 0));
            }
            RekeyReport planned = new RekeyReport(request, mapping.landingDays(), counts, notScanned);
            if (request.dryRun() || planned.refusal().isPresent()) {
                return planned;
            }
            List<UnitCount> rewritten = new ArrayList<>();
            for (UnitCount unit : counts) {
                long dropped = 0;
                for (Counted target : todo.get(unit.unit())) {
                    rewrite(target, mapping, request, at, runId);
                    dropped += target.unmapped();
                }
                rewritten.add(unit.rewritten(todo.get(unit.unit()).size(), dropped));
            }
            return new RekeyReport(request, mapping.landingDays(), rewritten, notScanned);
        }
    }

    /**
     * Per zone and ledger, in report order: its partitions or entries; what the zones hold besides goes to
     * {@code notScanned} (a killed run's hidden leftover may hold old pseudonyms: the summary says to delete it).
     */
    private Map<String, List<Target>> targets(DataRoot root, Instant at, List<String> notScanned)
            throws IOException {
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        ManifestFile manifests = new ManifestFile(hadoop);
        Map<String, List<Target>> units = new LinkedHashMap<>();
        for (KeyedZones.Zone zone : new KeyedZones(spark, root).list()) {
            zone.notScanned().forEach(entry -> notScanned.add(zone.zone().folder() + ": " + entry));
            List<Target> targets = new ArrayList<>();
            for (KeyedZones.Partition p : zone.partitions()) {
                targets.add(new Target(zone.zone().folder(), true, p.day().path(), p.day().date(), p.rows(),
                        manifest(hadoop, manifests, p.day().path())));
            }
            units.put(zone.zone().folder(), targets);
        }
        for (Ledger ledger : Ledger.values()) {
            String unit = "ledger/" + ledger.name().toLowerCase();
            List<Target> targets = new ArrayList<>();
            for (Path entry : new PseudonymLedger(spark, config, ledger).entries()) {
                Optional<RunManifest> manifest = manifest(hadoop, manifests, entry);
                targets.add(new Target(unit, !MUST_MAP.contains(ledger), entry,
                        manifest.map(RunManifest::date).orElse(LocalDate.ofInstant(at, ZoneOffset.UTC)),
                        spark.read().parquet(entry.toString()), manifest));
            }
            units.put(unit, targets);
        }
        return units;
    }

    /**
     * The manifest beside a partition, read now, before anything changes: one that cannot be read stops the rekey
     * (exit 2, naming the file), since only the manifest tells a re-keyed partition from one still to do.
     */
    private static Optional<RunManifest> manifest(Configuration hadoop, ManifestFile manifests, Path partition)
            throws IOException {
        Path file = new Path(partition, RunManifest.FILE_NAME);
        return file.getFileSystem(hadoop).exists(file) ? Optional.of(manifests.read(partition))
                : Optional.empty();
    }

    private static boolean mustMap(String unit) {
        return MUST_MAP.stream().anyMatch(l -> unit.equals("ledger/" + l.name().toLowerCase()));
    }

    /** The key id a manifest says the partition's pseudonyms are under: a rekey's, else the ingest's. */
    static Optional<String> keyId(RunManifest manifest) {
        JsonNode rekeyed = manifest.extra().get(SECTION);
        if (rekeyed != null && rekeyed.hasNonNull(KEY_ID)) {
            return Optional.of(rekeyed.get(KEY_ID).asText());
        }
        JsonNode privacy = manifest.privacy();
        return privacy != null && privacy.hasNonNull(KEY_ID) ? Optional.of(privacy.get(KEY_ID).asText())
                : Optional.empty();
    }

    private static boolean carries(Optional<RunManifest> manifest, String keyId) {
        return manifest.flatMap(RekeyJob::keyId).filter(keyId::equals).isPresent();
    }

    private static Dataset<Row> joined(Target target, PseudonymMapping mapping) {
        return target.rows().join(broadcast(mapping.pairs()),
                target.rows().col(Ledger.DEVICE_PSEUDONYM).equalTo(col(PseudonymMapping.OLD)), "left");
    }

    /** Rows with a pseudonym the mapping does not know. */
    private static Column unmapped(Target target) {
        return target.rows().col(Ledger.DEVICE_PSEUDONYM).isNotNull().and(col(PseudonymMapping.NEW).isNull());
    }

    private Counted counted(Target target, PseudonymMapping mapping) {
        Row counts = joined(target, mapping)
                .agg(count(lit(1)), sum(when(unmapped(target), 1L).otherwise(0L))).first();
        return new Counted(target, counts.getLong(0), counts.isNullAt(1) ? 0 : counts.getLong(1));
    }

    /** The target under the new key, its unmapped rows dropped (only counted ones reach here: see the plan). */
    private void rewrite(Counted counted, PseudonymMapping mapping, Request request, Instant at, String runId)
            throws IOException {
        Target target = counted.target();
        Dataset<Row> joined = joined(target, mapping);
        if (counted.unmapped() > 0) {
            if (!target.mayDrop() || !request.dropUnmapped()) {
                throw new IllegalStateException("rekey: " + target.path() + " has unmapped rows the plan kept");
            }
            joined = joined.filter(not(unmapped(target)));
        }
        Column[] columns = Arrays.stream(target.rows().columns())
                .map(c -> c.equals(Ledger.DEVICE_PSEUDONYM) ? col(PseudonymMapping.NEW).as(c) : target.rows().col(c))
                .toArray(Column[]::new);
        long kept = counted.rows() - counted.unmapped();
        ObjectNode section = JsonNodeFactory.instance.objectNode();
        section.put(KEY_ID, request.newKey().id());
        section.put("previous_key_id", request.oldKey().id());
        section.put("at", at.toString());
        section.put("run_id", runId);
        section.put("rows_rekeyed", kept); // quarantine lines without a pseudonym included: they stay as they were
        section.put("rows_dropped", counted.unmapped());
        ManifestFile manifests = new ManifestFile(spark.sparkContext().hadoopConfiguration());
        new PartitionRewrite(spark).replace(target.path(), joined.select(columns), kept, NAME,
                (partition, copy) -> manifests.write(copy, withRekey(target, section, kept, runId)));
        LOG.info("rekey {} {}: {} row(s) re-keyed, {} dropped", target.unit(), target.path().getName(), kept,
                counted.unmapped());
    }

    /** The partition's manifest with the new key id, or a manifest of its own for a partition that had none. */
    private RunManifest withRekey(Target target, ObjectNode section, long rows, String runId) {
        RunManifest manifest = target.manifest().orElseGet(() -> new RunManifest(runId, NAME, target.date(),
                CodeVersion.current(), config.source().sha256(), List.of(),
                List.of(new DatasetCount(target.path().toString(), rows)), null, null, null, Map.of()));
        JsonNode privacy = manifest.privacy();
        if (privacy instanceof ObjectNode object && object.has(KEY_ID)) {
            object.put(KEY_ID, section.get(KEY_ID).asText());
        }
        Map<String, JsonNode> extra = new LinkedHashMap<>(manifest.extra());
        extra.put(SECTION, section);
        return new RunManifest(manifest.runId(), manifest.job(), manifest.date(), manifest.codeVersion(),
                manifest.configSha256(), manifest.inputs(), manifest.outputs(), manifest.accounting(), privacy,
                manifest.verification(), extra);
    }
}
