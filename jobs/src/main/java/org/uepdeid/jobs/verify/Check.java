package org.uepdeid.jobs.verify;

import java.util.List;

/** One rule a release must satisfy, measured on one published output from what {@link EvidenceReader} read. */
interface Check {

    /** The results for this output: none when the rule does not concern its kind, one or more otherwise. */
    List<CheckResult> evaluate(Evidence evidence);
}
