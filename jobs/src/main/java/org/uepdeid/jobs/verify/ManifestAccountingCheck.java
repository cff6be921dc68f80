package org.uepdeid.jobs.verify;

import java.util.ArrayList;
import java.util.List;
import org.uepdeid.jobs.manifest.Accounting;
import org.uepdeid.jobs.manifest.DatasetCount;

/**
 * The manifest's own accounting: it exists, its identity balances (input lines = accepted + quarantined + ...), the
 * row count it states for the output is the number of rows published, and for microdata every accepted device is a
 * published row.
 */
final class ManifestAccountingCheck implements Check {

    static final String NAME = "manifest_accounting";

    @Override
    public List<CheckResult> evaluate(Evidence evidence) {
        PublishedOutput output = evidence.output();
        if (!output.hasManifest()) {
            return List.of(CheckResult.of(NAME, evidence.target(), "no manifest", null, false,
                    output.manifestProblem()));
        }
        long rows = evidence.rows().count();
        List<String> findings = new ArrayList<>();
        int problems = 0;
        Accounting accounting = output.manifest().accounting();
        if (accounting != null) {
            boolean balanced = accounting.balanced();
            problems += balanced ? 0 : 1;
            findings.add("input_lines " + accounting.inputLines() + (balanced ? " = " : " != ") + "accounted for "
                    + accounting.accountedFor());
            if (output.kind() == OutputKind.MICRODATA) {
                problems += accounting.accepted() == rows ? 0 : 1;
                findings.add("accepted " + accounting.accepted() + (accounting.accepted() == rows ? " = " : " != ")
                        + "published rows " + rows);
            }
        }
        List<DatasetCount> outputs = output.manifest().outputs();
        if (outputs.size() != 1) {
            problems++;
            findings.add("the manifest lists " + outputs.size() + " outputs for one folder");
        } else {
            long stated = outputs.get(0).rows();
            problems += stated == rows ? 0 : 1;
            findings.add("outputs rows " + stated + (stated == rows ? " = " : " != ") + "published rows " + rows);
        }
        return List.of(CheckResult.of(NAME, evidence.target(), problems, 0, problems == 0,
                String.join("; ", findings)));
    }
}
