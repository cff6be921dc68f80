package org.uepdeid.jobs.ingest;

import java.io.Serializable;
import org.uepdeid.jobs.config.ConsentSection;
import org.uepdeid.jobs.config.PipelineConfig;

/**
 * The policy rules ingest applies to each line, from the config, shipped to the executors.
 *
 * @param childrenUpToAge users who may be this old or younger on the event day are children (policy Part VII)
 * @param consent         the privacy-policy versions whose consent is accepted
 */
record IngestRules(int childrenUpToAge, ConsentSection consent) implements Serializable {

    /** Birth years before this are typos, and say nothing about the user's age. */
    static final int EARLIEST_BIRTH_YEAR = 1900;

    static IngestRules of(PipelineConfig config) {
        return new IngestRules(config.childrenUpToAge(), config.consent());
    }

    /**
     * Whether someone born in {@code birthYear} may be {@link #childrenUpToAge} or younger in {@code eventYear}: with
     * the birthday unknown they are {@code eventYear - birthYear} or one year less, so a difference up to
     * {@code childrenUpToAge + 1} may be a child.
     */
    boolean mayBeChild(int birthYear, int eventYear) {
        return eventYear - birthYear <= childrenUpToAge + 1;
    }

    /** The earliest birth year of someone who {@link #mayBeChild may be a child} in {@code eventYear}. */
    int earliestChildBirthYear(int eventYear) {
        return eventYear - childrenUpToAge - 1;
    }
}
