package org.uepdeid.jobs.layout;

import java.io.IOException;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Publishes a directory output atomically: the job writes a temporary sibling, then it is renamed into place.
 *
 * <p>Readers therefore see the previous output or the new one, never half of one. The sibling's name starts with
 * {@code _}, which Spark and Hive skip when they list a zone, so a run that died mid-write leaves nothing that looks
 * like data. Works on any Hadoop file system: a directory rename is atomic on HDFS and on local disks.
 */
public final class AtomicPublisher {

    static final String TEMPORARY_PREFIX = "_tmp-";
    static final String REPLACED_PREFIX = "_replaced-";

    private final Configuration hadoop;

    public AtomicPublisher(Configuration hadoop) {
        this.hadoop = hadoop;
    }

    /** Starts an output for {@code target}: write into {@link StagedOutput#temporary()}, then publish it. */
    public StagedOutput stage(Path given) throws IOException {
        // Parsing the text drops a trailing slash (a Path built from a directory's URI keeps it and has no name).
        Path target = new Path(given.toString());
        FileSystem fs = target.getFileSystem(hadoop);
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path temporary = new Path(target.getParent(), TEMPORARY_PREFIX + target.getName() + "-" + run);
        Path replaced = new Path(target.getParent(), REPLACED_PREFIX + target.getName() + "-" + run);
        fs.mkdirs(target.getParent());
        return new StagedOutput(fs, target, temporary, replaced);
    }
}
