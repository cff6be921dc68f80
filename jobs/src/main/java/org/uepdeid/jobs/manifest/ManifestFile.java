package org.uepdeid.jobs.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Reads and writes {@value RunManifest#FILE_NAME} inside an output directory, on any Hadoop file system. */
public final class ManifestFile {

    private final Configuration hadoop;

    public ManifestFile(Configuration hadoop) {
        this.hadoop = hadoop;
    }

    /** Writes the manifest into {@code directory} (replacing one there); the leading {@code _} hides it from Spark. */
    public Path write(Path directory, RunManifest manifest) throws IOException {
        Path file = new Path(directory, RunManifest.FILE_NAME);
        FileSystem fs = file.getFileSystem(hadoop);
        try (OutputStream out = fs.create(file, true)) {
            out.write(manifest.toJson().getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    /** Reads the manifest of the output in {@code directory}. */
    public RunManifest read(Path directory) throws IOException {
        Path file = new Path(directory, RunManifest.FILE_NAME);
        FileSystem fs = file.getFileSystem(hadoop);
        try (InputStream in = fs.open(file)) {
            return RunManifest.fromJson(in.readAllBytes(), file.toString());
        }
    }
}
