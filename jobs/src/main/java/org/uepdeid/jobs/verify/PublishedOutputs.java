package org.uepdeid.jobs.verify;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.uepdeid.anonymizer.input.UserInputException;
import org.uepdeid.jobs.config.ConfigException;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.layout.StagedOutput;
import org.uepdeid.jobs.manifest.ManifestFile;
import org.uepdeid.jobs.manifest.RunManifest;

/** Finds the published folders to verify and reads their manifests: a day's, one folder, or a run's staged outputs. */
final class PublishedOutputs {

    private static final String PUBLISHED = "published";
    private static final String PARTITION_PREFIX = "dt=";

    private final DataRoot root;
    private final Configuration hadoop;

    PublishedOutputs(DataRoot root, Configuration hadoop) {
        this.root = root;
        this.hadoop = hadoop;
    }

    /**
     * Every folder published for {@code date}: {@code published/<zone>/<name>/dt=D}.
     *
     * @throws ConfigException when nothing is published for the day
     */
    List<PublishedOutput> ofDay(LocalDate date) throws IOException {
        Path pattern = new Path(new Path(root.path(), PUBLISHED), "*/*/" + PARTITION_PREFIX + date);
        FileSystem fs = pattern.getFileSystem(hadoop);
        FileStatus[] found = fs.globStatus(pattern);
        List<PublishedOutput> outputs = new ArrayList<>();
        // Names starting with _ or . are temporary or replaced outputs of a running job, not published ones.
        Arrays.stream(found == null ? new FileStatus[0] : found).filter(FileStatus::isDirectory)
                .filter(s -> !hidden(s.getPath().getParent()) && !hidden(s.getPath().getParent().getParent()))
                .sorted(Comparator.comparing(s -> s.getPath().toString()))
                .forEach(s -> outputs.add(read(s.getPath(), s.getPath(), date)));
        if (outputs.isEmpty()) {
            throw new ConfigException("nothing is published for --date " + date + " under "
                    + new Path(root.path(), PUBLISHED) + "; run the pipeline first");
        }
        return outputs;
    }

    /**
     * One folder with a manifest, anywhere; its day is the manifest's (or the folder's {@code dt=} name).
     *
     * @throws ConfigException when the folder does not exist or its day cannot be told
     */
    PublishedOutput ofFolder(Path given) throws IOException {
        // Parsing the text drops a trailing slash, which would make the folder its own parent.
        Path folder = new Path(given.toString());
        FileSystem fs = folder.getFileSystem(hadoop);
        if (!fs.isDirectory(folder)) {
            throw new ConfigException("verify PATH: " + folder + " is not a folder");
        }
        PublishedOutput output = read(folder, folder, null);
        if (output.date() == null) {
            throw new ConfigException("verify PATH: " + folder + " has no readable " + RunManifest.FILE_NAME
                    + " and is not a dt=YYYY-MM-DD folder, so its day is unknown; pass a published folder");
        }
        return output;
    }

    /** The outputs a run holds back: each read from its temporary folder, named by the folder it will replace. */
    List<PublishedOutput> ofStaged(List<StagedOutput> staged, LocalDate date) {
        return staged.stream().map(s -> read(s.target(), s.temporary(), date)).toList();
    }

    private PublishedOutput read(Path target, Path location, LocalDate date) {
        String name = targetName(target);
        RunManifest manifest = null;
        String problem = null;
        try {
            manifest = new ManifestFile(hadoop).read(location);
        } catch (FileNotFoundException e) {
            problem = "the folder has no " + RunManifest.FILE_NAME;
        } catch (IOException | UserInputException e) {
            // The parser's message may quote a value of the file; the report must not.
            problem = RunManifest.FILE_NAME
                    + " is not a readable run manifest (a contract key is missing or malformed)";
        }
        LocalDate day = date != null ? date : manifest != null ? manifest.date() : partitionDate(target);
        return new PublishedOutput(name, OutputKind.of(name, manifest == null ? null : manifest.job()), day, location,
                manifest, problem);
    }

    /** {@code published/stats/os_adoption/dt=D} is {@code stats/os_adoption}; outside published/, its two parents. */
    private String targetName(Path folder) {
        String published = new Path(root.path(), PUBLISHED).toUri().getPath() + "/";
        String parent = folder.getParent().toUri().getPath();
        if (parent.startsWith(published)) {
            return parent.substring(published.length());
        }
        Path grandParent = folder.getParent().getParent();
        return (grandParent == null || grandParent.getName().isEmpty() ? "" : grandParent.getName() + "/")
                + folder.getParent().getName();
    }

    private static LocalDate partitionDate(Path folder) {
        String name = folder.getName();
        if (!name.startsWith(PARTITION_PREFIX)) {
            return null;
        }
        try {
            return LocalDate.parse(name.substring(PARTITION_PREFIX.length()));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean hidden(Path path) {
        return path.getName().startsWith("_") || path.getName().startsWith(".");
    }
}
