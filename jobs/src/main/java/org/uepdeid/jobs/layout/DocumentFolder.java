package org.uepdeid.jobs.layout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A folder of small JSON documents that are written once and never changed (the release log, the retraction notices,
 * the share log), on any Hadoop file system. A document is written aside and renamed into place, so a reader finds it
 * whole or not at all.
 */
public final class DocumentFolder {

    private static final String SUFFIX = ".json";
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Path folder;
    private final Configuration hadoop;

    public DocumentFolder(Path folder, Configuration hadoop) {
        this.folder = folder;
        this.hadoop = hadoop;
    }

    /** The documents' names without {@code .json}, sorted; none when the folder does not exist. */
    public List<String> names() throws IOException {
        List<String> names = new ArrayList<>();
        try {
            for (FileStatus status : folder.getFileSystem(hadoop).listStatus(folder)) {
                String name = status.getPath().getName();
                // A name starting with "." is a document being written or the local file system's checksum.
                if (status.isFile() && name.endsWith(SUFFIX) && !name.startsWith(".")) {
                    names.add(name.substring(0, name.length() - SUFFIX.length()));
                }
            }
        } catch (FileNotFoundException none) {
            return List.of();
        }
        names.sort(Comparator.naturalOrder());
        return names;
    }

    /** Where the document {@code name} is. */
    public Path path(String name) {
        return new Path(folder, name + SUFFIX);
    }

    public byte[] read(String name) throws IOException {
        try (InputStream in = path(name).getFileSystem(hadoop).open(path(name))) {
            return in.readAllBytes();
        }
    }

    /** Writes the document {@code name}; refuses one that exists (documents are written once). */
    public Path writeOnce(String name, JsonNode json) throws IOException {
        Path file = path(name);
        FileSystem fs = file.getFileSystem(hadoop);
        if (fs.exists(file)) {
            throw new IllegalStateException(file + " exists already: its documents are written once");
        }
        fs.mkdirs(folder);
        Path aside = new Path(folder, "." + file.getName() + "-" + UUID.randomUUID());
        try (OutputStream out = fs.create(aside, false)) {
            out.write(JSON.writeValueAsBytes(json));
        }
        if (!fs.rename(aside, file)) {
            fs.delete(aside, false);
            throw new IOException("cannot rename " + aside + " to " + file);
        }
        return file;
    }
}
