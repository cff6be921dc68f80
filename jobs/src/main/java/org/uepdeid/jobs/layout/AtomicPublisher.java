package org.uepdeid.jobs.layout;

import java.io.IOException;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Publishes a directory output atomically: the job writes a temporary sibling, then it is renamed into place.
 *
 * <p>Readers therefore see the previous output or the new one, never half of one. The temporary lives in the zone's
 * {@value #STAGING_FOLDER} folder: Spark and Hive skip a {@code _} name without {@code =} when they list a zone, so
 * an analyst reading the whole zone during a run sees neither unverified output nor what a dead run left (a
 * {@code _tmp-dt=...} sibling would not do: Spark reads {@code _} names holding {@code =} as partitions). Works on
 * any Hadoop file system: a directory rename is atomic on HDFS and on local disks.
 */
public final class AtomicPublisher {

    static final String STAGING_FOLDER = "_staging";
    static final String REPLACED_PREFIX = "replaced-";
    static final String REMOVED_PREFIX = "_removed-";

    private final Configuration hadoop;

    public AtomicPublisher(Configuration hadoop) {
        this.hadoop = hadoop;
    }

    /** Starts an output for {@code target}: write into {@link StagedOutput#temporary()}, then publish it. */
    public StagedOutput stage(Path given) throws IOException {
        // Parsing the text drops a trailing slash (a Path built from a directory's URI keeps it and has no name).
        Path target = new Path(given.toString());
        FileSystem fs = target.getFileSystem(hadoop);
        String run = runSuffix();
        Path staging = new Path(target.getParent(), STAGING_FOLDER);
        Path temporary = new Path(staging, target.getName() + "-" + run);
        Path replaced = new Path(staging, REPLACED_PREFIX + target.getName() + "-" + run);
        fs.mkdirs(target.getParent());
        return new StagedOutput(fs, target, temporary, replaced);
    }

    /**
     * Removes a directory in two steps, rename aside then delete, so that it never stands under its own name half
     * deleted: a reader finds the whole partition or none, and a delete that dies part way leaves a hidden leftover,
     * not a partial day. The aside name holds no {@code =}: Spark reads {@code _}-names holding one as partitions, so
     * a whole-zone read during the delete would see it.
     */
    public void remove(Path given) throws IOException {
        Path target = new Path(given.toString());
        FileSystem fs = target.getFileSystem(hadoop);
        Path aside = new Path(target.getParent(),
                REMOVED_PREFIX + target.getName().replace('=', '-') + "-" + runSuffix());
        if (!fs.rename(target, aside)) {
            throw new IOException("cannot move " + target + " aside to " + aside + " to remove it");
        }
        if (!fs.delete(aside, true)) {
            throw new IOException("moved " + target + " aside to " + aside + " but cannot delete it there");
        }
    }

    /** Keeps the hidden siblings of concurrent runs apart. */
    private static String runSuffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
