package org.uepdeid.jobs.release;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** The SHA-256 of every file in an output folder, as the release log and the share package list them. */
public final class FileDigests {

    private final Configuration hadoop;

    public FileDigests(Configuration hadoop) {
        this.hadoop = hadoop;
    }

    /**
     * Every file of {@code folder} by name, with its length and SHA-256. Names starting with {@code .} are the local
     * file system's checksum side files, not part of the output.
     */
    public List<ReleasedFile> of(Path folder) throws IOException {
        FileSystem fs = folder.getFileSystem(hadoop);
        List<ReleasedFile> files = new ArrayList<>();
        for (FileStatus status : fs.listStatus(folder)) {
            if (status.isFile() && !status.getPath().getName().startsWith(".")) {
                files.add(new ReleasedFile(status.getPath().getName(), status.getLen(), sha256(status.getPath())));
            }
        }
        files.sort(Comparator.comparing(ReleasedFile::name));
        return files;
    }

    /** The SHA-256 of one file, in lowercase hex. */
    public String sha256(Path file) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = file.getFileSystem(hadoop).open(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
