package org.uepdeid.jobs.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The result of verifying a release: every check's result and, for its microdata, the class-size and risk
 * distributions the HTML report draws. Written as {@code compliance.json}; its key names are a contract with the
 * report ({@link #toJson()}).
 *
 * @param date          the release's day
 * @param release       what was verified, relative to the data root ({@code published/**}{@code /dt=D}, or a folder)
 * @param targets       the outputs verified, relative to {@code published/}
 * @param checks        every result, output by output
 * @param classes       the microdata's class sizes, when the release has microdata
 * @param suppressionLimit the declared suppression limit
 * @param riskThreshold the record risk above which a record counts as at risk
 */
public record ComplianceReport(LocalDate date, String release, List<String> targets, List<CheckResult> checks,
                               Optional<ClassSizes> classes, double suppressionLimit, double riskThreshold) {

    /** Upper bounds of the risk buckets: (0, 0.01], (0.01, 0.02], ... (0.5, 1]. Fixed, so reports compare. */
    static final double[] RISK_BUCKETS = {0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0};

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public ComplianceReport {
        targets = List.copyOf(targets);
        checks = List.copyOf(checks);
    }

    public boolean passed() {
        return checks.stream().allMatch(CheckResult::passed);
    }

    public List<CheckResult> failed() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }

    /** One line for an operator: what failed, by check and target. */
    public String summary() {
        List<CheckResult> failed = failed();
        return failed.isEmpty() ? checks.size() + " checks on " + targets.size() + " outputs passed"
                : failed.size() + " of " + checks.size() + " checks failed: " + String.join(", ", failed.stream()
                .map(c -> c.name() + " (" + c.target() + ")").toList());
    }

    /**
     * The report as {@code compliance.json}: {@code date}, {@code release}, {@code status}, {@code checks} (name,
     * target, measured, threshold, passed, detail, sample), {@code distributions} ({@code class_sizes}: size,
     * classes, records; {@code risk}: bucket, records) and {@code suppression} (suppressed_records, records, limit).
     */
    public String toJson() {
        ObjectNode root = NODES.objectNode();
        root.put("date", date.toString());
        root.put("release", release);
        root.put("status", passed() ? "passed" : "failed");
        ArrayNode targetList = root.putArray("targets");
        targets.forEach(targetList::add);
        ArrayNode list = root.putArray("checks");
        checks.forEach(c -> list.add(check(c, true)));
        ObjectNode distributions = root.putObject("distributions");
        ArrayNode sizes = distributions.putArray("class_sizes");
        ArrayNode risk = distributions.putArray("risk");
        classes.ifPresent(c -> {
            c.classesBySize().forEach((size, count) -> sizes.addObject().put("size", size).put("classes", count)
                    .put("records", size * count));
            long[] records = new long[RISK_BUCKETS.length];
            c.classesBySize().forEach((size, count) -> records[bucketOf(1.0 / size)] += size * count);
            for (int b = 0; b < RISK_BUCKETS.length; b++) {
                risk.addObject().put("bucket", "(" + plain(b == 0 ? 0 : RISK_BUCKETS[b - 1]) + ","
                        + plain(RISK_BUCKETS[b]) + "]").put("records", records[b]);
            }
        });
        distributions.put("risk_threshold", riskThreshold);
        if (classes.isPresent()) {
            root.putObject("suppression").put("suppressed_records", classes.get().suppressedRecords())
                    .put("records", classes.get().records()).put("limit", suppressionLimit);
        } else {
            root.putNull("suppression");
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /**
     * The {@code verification} section for the manifest of one target: the status and each check's figures, without
     * samples, and where the full report is.
     */
    public JsonNode verificationOf(String target, String reportPath) {
        ObjectNode section = NODES.objectNode();
        List<CheckResult> own = checks.stream().filter(c -> c.target().equals(target)).toList();
        section.put("status", own.stream().allMatch(CheckResult::passed) ? "passed" : "failed");
        section.put("report", reportPath);
        ArrayNode list = section.putArray("checks");
        own.forEach(c -> list.add(check(c, false)));
        return section;
    }

    private static ObjectNode check(CheckResult c, boolean withSample) {
        ObjectNode node = NODES.objectNode();
        node.put("name", c.name());
        node.put("target", c.target());
        node.set("measured", scalar(c.measured()));
        node.set("threshold", scalar(c.threshold()));
        node.put("passed", c.passed());
        if (withSample) {
            node.put("detail", c.detail());
            ArrayNode sample = node.putArray("sample");
            c.sample().forEach(sample::add);
        }
        return node;
    }

    /** Numbers stay numbers; an infinite figure (no tail for recursive (c,l)) becomes text, which JSON can hold. */
    private static JsonNode scalar(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof Double d) {
            return Double.isFinite(d) ? NODES.numberNode(d) : NODES.textNode(d > 0 ? "infinity" : "-infinity");
        }
        if (value instanceof Number n) {
            return n instanceof Integer || n instanceof Long ? NODES.numberNode(n.longValue())
                    : NODES.numberNode(n.doubleValue());
        }
        return NODES.textNode(value.toString());
    }

    private static int bucketOf(double risk) {
        for (int b = 0; b < RISK_BUCKETS.length; b++) {
            if (risk <= RISK_BUCKETS[b]) {
                return b;
            }
        }
        return RISK_BUCKETS.length - 1;
    }

    private static String plain(double bound) {
        return BigDecimal.valueOf(bound).stripTrailingZeros().toPlainString();
    }
}
