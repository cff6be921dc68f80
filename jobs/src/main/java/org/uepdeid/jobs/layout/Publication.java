package org.uepdeid.jobs.layout;

import java.io.IOException;

/**
 * What a job does with an output it has finished writing: publish it at once (a job run on its own), or hand it to a
 * {@link Release} that publishes all of a run's outputs only after they were verified together.
 */
@FunctionalInterface
public interface Publication {

    /** Publishes each output as soon as it is complete: the behaviour of a job run on its own. */
    Publication IMMEDIATE = StagedOutput::publish;

    /** Called once the output and its manifest are written under {@link StagedOutput#temporary()}. */
    void complete(StagedOutput output) throws IOException;
}
