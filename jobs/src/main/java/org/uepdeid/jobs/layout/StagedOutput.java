package org.uepdeid.jobs.layout;

import java.io.FileNotFoundException;
import java.io.IOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * An output being written under a temporary path; {@link #publish()} moves it into place, {@link #close()} discards
 * it if it was not published (use it in try-with-resources so a failed job leaves the previous output untouched).
 * A {@link Release} can take an output over, so that it outlives the job's try block and is published, or discarded,
 * with the rest of the release.
 */
public final class StagedOutput implements AutoCloseable {

    private final FileSystem fs;
    private final Path target;
    private final Path temporary;
    private final Path replaced;
    private boolean published;
    private boolean heldByRelease;

    StagedOutput(FileSystem fs, Path target, Path temporary, Path replaced) {
        this.fs = fs;
        this.target = target;
        this.temporary = temporary;
        this.replaced = replaced;
    }

    /** Where the output will be visible once published. */
    public Path target() {
        return target;
    }

    /** Where the job writes; it does not exist yet (Spark's default save mode wants it so). */
    public Path temporary() {
        return temporary;
    }

    /**
     * Renames the temporary output into place, replacing a previous output of the same target.
     *
     * <p>The previous output is first renamed aside and only deleted once the new one is in place, so at every moment
     * one complete output exists on disk; the target is absent only between the two renames.
     */
    public void publish() throws IOException {
        if (published) {
            throw new IllegalStateException("output " + target + " is already published");
        }
        if (!fs.exists(temporary)) {
            throw new IOException("nothing was written to " + temporary + " for " + target);
        }
        boolean hadPrevious = fs.exists(target);
        if (hadPrevious && !fs.rename(target, replaced)) {
            throw new IOException("cannot move the previous output " + target + " aside to " + replaced);
        }
        if (!fs.rename(temporary, target)) {
            if (hadPrevious) {
                fs.rename(replaced, target);
            }
            throw new IOException("cannot rename " + temporary + " to " + target);
        }
        published = true;
        if (hadPrevious) {
            fs.delete(replaced, true);
        }
        removeStagingFolderIfEmpty();
    }

    /** Deletes the temporary output unless it was published or a {@link Release} holds it. */
    @Override
    public void close() throws IOException {
        if (!heldByRelease) {
            discard();
        }
    }

    /** Hands the output to a release: from now on only the release publishes or discards it. */
    void holdForRelease() {
        if (published) {
            throw new IllegalStateException("output " + target + " is already published");
        }
        heldByRelease = true;
    }

    /** Deletes the temporary output unless it was published. */
    void discard() throws IOException {
        if (!published) {
            fs.delete(temporary, true);
            removeStagingFolderIfEmpty();
        }
    }

    /** The zone's staging folder goes with its last output; a concurrent run's output keeps it (not recursive). */
    private void removeStagingFolderIfEmpty() throws IOException {
        Path staging = temporary.getParent();
        try {
            if (fs.listStatus(staging).length == 0) {
                fs.delete(staging, false);
            }
        } catch (FileNotFoundException alreadyGone) {
            // a concurrent run removed it first
        }
    }
}
