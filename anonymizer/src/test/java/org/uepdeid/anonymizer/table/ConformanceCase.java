package org.uepdeid.anonymizer.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.uepdeid.anonymizer.input.DocumentNode;
import org.uepdeid.anonymizer.policy.PolicySpec;

/**
 * One ARX conformance case (the format of {@code shared/conformance/cases.json}): an input table, a policy, and ARX's
 * answer. Paths in the case are resolved against the cases file's folder. The conformance test and the benchmarks
 * (module {@code bench}, through the test-jar) read cases through this type; a test oracle, so not in the main jar.
 */
public record ConformanceCase(String id, Path input, char delimiter, JsonNode policyJson, Path baseDir,
                              JsonNode expected, long arxMedianMillis) {

    /** The case's policy, with paths resolved against the cases folder. */
    public PolicySpec policy() {
        return PolicySpec.read(DocumentNode.of(policyJson, id), baseDir);
    }

    /** Reads every case of a cases file, through the one document reader. */
    public static List<ConformanceCase> readAll(Path casesFile) {
        Path base = casesFile.toAbsolutePath().getParent();
        List<ConformanceCase> list = new ArrayList<>();
        for (DocumentNode c : DocumentNode.read(casesFile).list()) {
            list.add(new ConformanceCase(c.get("id").text(), base.resolve(c.get("input").text()).normalize(),
                    c.text("delimiter", ",").charAt(0), c.get("policy").json(), base, c.get("expected").json(),
                    c.at("arx_median_ms_in_jvm").isPresent() ? c.get("arx_median_ms_in_jvm").longWholeNumber() : -1));
        }
        return list;
    }

    /** The case's class: its id without the number, e.g. {@code lossrank} for {@code lossrank-042}. */
    public String family() {
        return id.substring(0, id.lastIndexOf('-'));
    }

    /**
     * Whether a result agrees with ARX's, by the rules of the conformance README: the same loss (absolute 1e-9 or
     * relative 1e-12; element-wise for ranked vectors) and the same levels or one of the listed equal-loss levels;
     * for "at-most" cases (ARX ran a heuristic) a loss at least as good; no solution where ARX found none.
     */
    public boolean accepts(JsonNode result) {
        JsonNode expectedLoss = expected.get("information_loss");
        JsonNode gotLoss = result.get("information_loss");
        boolean atMost = "at-most".equals(expected.path("accept").asText("equal"));
        if (expectedLoss == null || expectedLoss.isNull()) {
            return gotLoss == null || gotLoss.isNull();
        }
        if (gotLoss == null || gotLoss.isNull()) {
            return false;
        }
        int order = compare(gotLoss, expectedLoss);
        if (order != 0) {
            return atMost && order < 0;
        }
        if (atMost) {
            return true;
        }
        JsonNode allowed = expected.get("equal_loss_levels");
        if (allowed == null || allowed.isNull()) {
            return result.get("levels").equals(expected.get("levels"));
        }
        for (JsonNode levels : allowed) {
            if (levels.equals(result.get("levels"))) {
                return true;
            }
        }
        return false;
    }

    /** Compares losses, equal within the README's tolerance; vectors lexicographically. */
    private static int compare(JsonNode got, JsonNode expected) {
        if (expected.isArray()) {
            if (!got.isArray() || got.size() != expected.size()) {
                return 1;
            }
            for (int i = 0; i < expected.size(); i++) {
                int c = compare(got.get(i).asDouble(), expected.get(i).asDouble());
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }
        return got.isArray() ? 1 : compare(got.asDouble(), expected.asDouble());
    }

    private static int compare(double a, double b) {
        double diff = Math.abs(a - b);
        if (diff <= 1e-9 || diff <= 1e-12 * Math.max(Math.abs(a), Math.abs(b))) {
            return 0;
        }
        return Double.compare(a, b);
    }
}
