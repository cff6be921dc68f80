package org.uepdeid.jobs.verify;

import java.util.List;

/** One rule a release must satisfy, measured on one published output from what {@link EvidenceReader} read. */
interface Check {

    /** Shares and risks are compared with this tolerance: a bound met exactly must not fail on a rounding error. */
    double TOLERANCE = 1e-9;

    /** The results for this output: none when the rule does not concern its kind, one or more otherwise. */
    List<CheckResult> evaluate(Evidence evidence);
}
