package org.uepdeid.jobs.verify;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.udf;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.uepdeid.jobs.pii.PersonalDataCatalogue;
import org.uepdeid.jobs.pii.PersonalDataKind;

/**
 * The personal data scan: no published value, in any column of the data or any text field of the manifest, contains
 * any kind of the one catalogue ingest uses too ({@link PersonalDataCatalogue}): addresses, MACs, e-mail, phone,
 * resident ID and card numbers, home folders.
 *
 * <p>The manifest's input and output locations and its {@code data_root} are left out of this scan (not of the
 * identifier join): they name the operator's storage, and a cluster addressed by IP
 * ({@code hdfs://10.0.0.5:8020/...}) or a data root under a home folder would fail every release.
 */
final class PersonalDataCheck implements Check {

    static final String NAME = "pii_patterns";

    /** The manifest fields that hold storage locations: {@code inputs[i].path} and {@code outputs[i].path}. */
    private static final String LOCATIONS = "^" + Pattern.quote(EvidenceReader.MANIFEST_COLUMN_PREFIX)
            + "((inputs|outputs)\\[[0-9]+]\\.path|data_root)$";

    /** A function value, not a registered UDF: nothing is added to the session's catalogue. */
    private final UserDefinedFunction firstFound = udf(
            (UDF1<String, String>) value -> PersonalDataCatalogue.firstFoundIn(value).orElse(null),
            DataTypes.StringType);

    @Override
    public List<CheckResult> evaluate(Evidence evidence) {
        ValueFindings found = ValueFindings.of(evidence.values().filter(not(col(Evidence.COLUMN).rlike(LOCATIONS)))
                .withColumn("kind", firstFound.apply(col(Evidence.VALUE))).filter(col("kind").isNotNull()),
                col("kind"));
        String kinds = Arrays.stream(PersonalDataKind.values()).map(PersonalDataKind::code)
                .collect(Collectors.joining(", "));
        return List.of(new CheckResult(NAME, evidence.target(), found.count(), 0, found.count() == 0,
                "distinct values with " + kinds + " in the data and the manifest: " + found.summary(),
                found.sample()));
    }
}
