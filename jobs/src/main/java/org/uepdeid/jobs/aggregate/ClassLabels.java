package org.uepdeid.jobs.aggregate;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.uepdeid.anonymizer.hierarchy.HierarchyException;
import org.uepdeid.anonymizer.hierarchy.HierarchySpec;
import org.uepdeid.anonymizer.policy.PolicySpec;
import org.uepdeid.jobs.config.ConfigException;
import org.uepdeid.jobs.config.PipelineConfig;
import org.uepdeid.jobs.config.VocabulariesSection;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.manifest.ManifestFile;
import org.uepdeid.jobs.manifest.RunManifest;

/**
 * Every label a quasi-identifier of the day's anonymized classes can take, where that is known without the data:
 * each label its hierarchy gives at the level the anonymization chose (a CSV file's, every interval's, a group's;
 * {@link HierarchySpec#knownLabels}),
 * or, for a hierarchy that builds its labels from the values (masking, dates), the generalized values of the
 * configured vocabulary of that name with {@value VocabulariesSection#OTHER} for any other; and
 * {@value VocabulariesSection#NOT_DISCLOSED} for a suppressed device. A product over the classes whose every dimension
 * is known publishes all those cells, zeros included, instead of selecting them privately.
 *
 * <p>The levels are read from the classes' own manifest, written by anonymize (or the microdata's, once the classes
 * are gone). They are no secret of the statistics: any published label of a class shows its level.
 *
 * @param byAttribute the labels of each attribute that has them, in hierarchy order; others are selected privately
 */
public record ClassLabels(Map<String, List<String>> byAttribute) {

    /** No attribute's labels known: every product over the classes selects its cells privately. */
    public static final ClassLabels UNKNOWN = new ClassLabels(Map.of());

    private static final Logger LOG = LoggerFactory.getLogger(ClassLabels.class);
    private static final String LEVELS = "levels";

    public ClassLabels {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        byAttribute.forEach((attribute, labels) -> copy.put(attribute, List.copyOf(labels)));
        byAttribute = Collections.unmodifiableMap(copy);
    }

    /** The labels of {@code attribute}, if known without the data. */
    Optional<List<String>> of(String attribute) {
        return Optional.ofNullable(byAttribute.get(attribute));
    }

    /**
     * The labels of the classes of {@code date}, at the levels their manifest states, or, once retention removed the
     * classes, the levels the day's published microdata states (the same anonymization wrote both); {@link #UNKNOWN}
     * when neither has a manifest with levels (written by an earlier version).
     *
     * @throws ConfigException when a level is not one of the configured hierarchy's: the classes were made under
     *     another policy, and anonymize must run again
     */
    public static ClassLabels read(Configuration hadoop, PipelineConfig config, LocalDate date) throws IOException {
        DataRoot root = new DataRoot(config.dataRoot());
        for (Path folder : List.of(root.stagingClasses(date), root.publishedDeviceProfiles(date))) {
            Path file = new Path(folder, RunManifest.FILE_NAME);
            if (!file.getFileSystem(hadoop).exists(file)) {
                continue;
            }
            RunManifest manifest = new ManifestFile(hadoop).read(folder);
            JsonNode levels = manifest.privacy() == null ? null : manifest.privacy().get(LEVELS);
            if (levels == null || !levels.isObject()) {
                LOG.warn("{} states no {}: cells over classes are selected privately", file, LEVELS);
                return UNKNOWN;
            }
            Map<String, Integer> byAttribute = new LinkedHashMap<>();
            // A level that is no whole number is out of every hierarchy's range: of() names it.
            levels.fields().forEachRemaining(e -> byAttribute.put(e.getKey(),
                    e.getValue().isIntegralNumber() && e.getValue().canConvertToInt() ? e.getValue().intValue() : -1));
            return of(config.anonymization().policy(), config.aggregates().vocabularies(), byAttribute,
                    file.toString());
        }
        LOG.warn("no manifest of {}'s classes or microdata: the labels of its levels are not known, cells over classes "
                + "are selected privately", date);
        return UNKNOWN;
    }

    /**
     * The labels of each quasi-identifier of {@code policy} at its level in {@code levels}.
     *
     * @param source names where the levels came from, for errors
     * @throws ConfigException naming the source and the attribute when a level is outside its hierarchy
     */
    static ClassLabels of(PolicySpec policy, VocabulariesSection vocabularies, Map<String, Integer> levels,
                          String source) {
        Map<String, List<String>> labels = new LinkedHashMap<>();
        for (String attribute : policy.quasiIdentifierNames()) {
            Integer level = levels.get(attribute);
            if (level == null) {
                continue;
            }
            HierarchySpec spec = policy.hierarchySpec(attribute);
            try {
                Optional<List<String>> known = spec.knownLabels(attribute, level)
                        .or(() -> vocabularies.of(attribute).map(v -> ofVocabulary(spec, attribute, v, level)));
                known.ifPresent(list -> labels.put(attribute, withSuppressed(list)));
            } catch (HierarchyException e) {
                throw new ConfigException(source + ": levels." + attribute + " = " + level + ": " + e.getMessage()
                        + "; the classes were made under another policy: run anonymize again", e);
            }
        }
        return new ClassLabels(labels);
    }

    /**
     * The vocabulary's values generalized to {@code level}, and {@value VocabulariesSection#OTHER} below the top for
     * any value outside it, which has a label of its own there.
     */
    private static List<String> ofVocabulary(HierarchySpec spec, String attribute, List<String> vocabulary,
                                             int level) {
        List<String> placeable = List.copyOf(spec.placeable(attribute, vocabulary));
        List<String> labels = new ArrayList<>(placeable.isEmpty() ? List.of()
                : spec.build(attribute, placeable).labelsAt(level));
        if (!labels.equals(List.of(VocabulariesSection.NOT_DISCLOSED))) {
            labels.add(VocabulariesSection.OTHER);
        }
        return labels;
    }

    /** The labels and, unless among them already (the root), the one of a suppressed device. */
    private static List<String> withSuppressed(List<String> labels) {
        List<String> all = new ArrayList<>(labels);
        if (!all.contains(VocabulariesSection.NOT_DISCLOSED)) {
            all.add(VocabulariesSection.NOT_DISCLOSED);
        }
        return all;
    }
}
