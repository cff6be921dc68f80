package org.uepdeid.jobs.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The {@code landing/} zone under an output root, through Hadoop's file system API so that local folders and
 * cluster storage behave alike. A day is written to a staging folder and then swapped in whole.
 */
final class LandingFolder {

    private static final Pattern SPARK_PART = Pattern.compile("(part-[0-9]+)-.*");

    private final FileSystem fileSystem;
    private final Path landing;

    LandingFolder(String out, Configuration hadoop) {
        this.landing = new Path(out, "landing");
        try {
            this.fileSystem = landing.getFileSystem(hadoop);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the file system of --out " + out, e);
        }
    }

    Path dayFolder(LocalDate day) {
        return new Path(landing, "dt=" + day);
    }

    /** A fresh folder for one run's day; its name starts with "_" so readers of landing/ skip it. */
    Path stagingFolder(LocalDate day, String runId) {
        return new Path(landing, "_generating-dt=" + day + "-" + runId);
    }

    /** Renames Spark's {@code part-00000-<uuid>-c000.txt} files to {@code part-00000.jsonl}; returns the new names. */
    List<String> renamePartFiles(Path folder) {
        List<String> names = new ArrayList<>();
        try {
            FileStatus[] files = fileSystem.listStatus(folder);
            Arrays.sort(files);
            for (FileStatus file : files) {
                Matcher part = SPARK_PART.matcher(file.getPath().getName());
                if (part.matches()) {
                    String name = part.group(1) + ".jsonl";
                    rename(file.getPath(), new Path(folder, name));
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        return names;
    }

    void writeText(Path file, String text) {
        try (OutputStream stream = fileSystem.create(file, true)) {
            stream.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Replaces {@code target} (an earlier run's day, if any) by {@code staging}. */
    void replace(Path staging, Path target) {
        try {
            if (fileSystem.exists(target) && !fileSystem.delete(target, true)) {
                throw new IOException("delete returned false");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the earlier landing folder " + target, e);
        }
        rename(staging, target);
    }

    /** Removes a staging folder left by a failed run; a failure here must not hide the original one. */
    void deleteQuietly(Path folder) {
        try {
            fileSystem.delete(folder, true);
        } catch (IOException e) {
            // The folder's "_" prefix keeps it out of readers' way; the original failure is what matters.
        }
    }

    private void rename(Path from, Path to) {
        try {
            if (!fileSystem.rename(from, to)) {
                throw new IOException("rename returned false");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rename " + from + " to " + to, e);
        }
    }
}
