package org.uepdeid.jobs.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.uepdeid.anonymizer.input.DocumentNode;
import org.uepdeid.reports.ClassSize;
import org.uepdeid.reports.Compliance;
import org.uepdeid.reports.Distributions;
import org.uepdeid.reports.RiskBucket;
import org.uepdeid.reports.Suppression;
import org.uepdeid.reports.VerificationCheck;

/**
 * {@code reports/dt=D/compliance.json} as {@code verify} writes it: the verdict, its checks, the measured
 * distributions and suppression. Only the keys the report shows are read; others are ignored.
 *
 * @param suppression as verify measured it on the published microdata, or {@code null} when it wrote none
 */
record ComplianceDocument(Compliance compliance, Suppression suppression) {

    static final String FILE_NAME = "compliance.json";

    /**
     * Parses the document.
     *
     * @param source names the file in error messages
     * @throws UserInputException naming the file and key when the document is malformed
     */
    static ComplianceDocument parse(byte[] json, String source) {
        JsonNode root = DocumentNode.parse(json, source, DocumentNode.Format.JSON).mapping().json();
        return JsonFields.reading(source, () -> read(JsonFields.of(source), root));
    }

    private static ComplianceDocument read(JsonFields fields, JsonNode root) {
        Compliance compliance = new Compliance(fields.shown(root, "release"), fields.text(root, "status"),
                root.has("checks") ? checks(fields, root) : List.of(),
                root.hasNonNull("distributions") ? distributions(fields.in("distributions"),
                        fields.object(root, "distributions")) : null);
        Suppression suppression = null;
        if (root.hasNonNull("suppression")) {
            JsonNode s = fields.object(root, "suppression");
            JsonFields in = fields.in("suppression");
            suppression = new Suppression(in.count(s, "suppressed_records"), in.count(s, "records"),
                    in.number(s, "limit"));
        }
        return new ComplianceDocument(compliance, suppression);
    }

    private static List<VerificationCheck> checks(JsonFields fields, JsonNode root) {
        List<VerificationCheck> checks = new ArrayList<>();
        JsonNode array = fields.array(root, "checks");
        for (int i = 0; i < array.size(); i++) {
            JsonNode check = array.get(i);
            JsonFields in = fields.in("checks[" + i + "]");
            checks.add(new VerificationCheck(in.text(check, "name"), in.shown(check, "target"),
                    in.shown(check, "measured"), in.shown(check, "threshold"), in.flag(check, "passed"),
                    in.shown(check, "detail"), check.has("sample") ? in.texts(check, "sample") : List.of()));
        }
        return checks;
    }

    private static Distributions distributions(JsonFields fields, JsonNode distributions) {
        List<ClassSize> sizes = new ArrayList<>();
        if (distributions.has("class_sizes")) {
            JsonNode array = fields.array(distributions, "class_sizes");
            for (int i = 0; i < array.size(); i++) {
                JsonFields in = fields.in("class_sizes[" + i + "]");
                JsonNode bin = array.get(i);
                sizes.add(new ClassSize(in.count(bin, "size"), in.count(bin, "classes"), in.count(bin, "records")));
            }
        }
        List<RiskBucket> risk = new ArrayList<>();
        if (distributions.has("risk")) {
            JsonNode array = fields.array(distributions, "risk");
            for (int i = 0; i < array.size(); i++) {
                JsonFields in = fields.in("risk[" + i + "]");
                JsonNode bucket = array.get(i);
                risk.add(new RiskBucket(in.shown(bucket, "bucket"), in.count(bucket, "records")));
            }
        }
        return new Distributions(sizes, risk);
    }
}
