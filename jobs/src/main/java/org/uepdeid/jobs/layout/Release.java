package org.uepdeid.jobs.layout;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The outputs of one run held back from publication until they have been verified together: each stays under its
 * temporary path, where a verifier can read it, until {@link #publishAll()}; closing the release discards whatever
 * was not published, so a release that failed verification leaves every previous output in place.
 *
 * <p>Each output is still renamed into place atomically, one after the other: a reader may see the new microdata
 * before the new statistics of the same day, but never an output that was not verified.
 */
public final class Release implements Publication, AutoCloseable {

    private final List<StagedOutput> held = new ArrayList<>();

    @Override
    public void complete(StagedOutput output) {
        output.holdForRelease();
        held.add(output);
    }

    /** The held outputs, in the order the jobs completed them. */
    public List<StagedOutput> outputs() {
        return List.copyOf(held);
    }

    /** Renames every held output into place. */
    public void publishAll() throws IOException {
        for (StagedOutput output : held) {
            output.publish();
        }
    }

    /** Deletes the temporary folders of the outputs that were not published. */
    @Override
    public void close() throws IOException {
        IOException first = null;
        for (StagedOutput output : held) {
            try {
                output.discard();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
