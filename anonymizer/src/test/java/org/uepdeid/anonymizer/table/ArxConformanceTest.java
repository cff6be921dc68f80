package org.uepdeid.anonymizer.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.uepdeid.anonymizer.policy.PolicySpec;

/**
 * ARX's own test cases (shared/conformance beside the repository): each must give ARX's optimum and loss. When the
 * folder is absent, as in a checkout without it, the test says so and is skipped; under {@code CI=true}, where the
 * folder is provided, its absence is a failure, so CI can never pass without having run the cases.
 */
class ArxConformanceTest {

    /** The cases file: -Dconformance.cases=..., else shared/conformance/cases.json beside the repository root. */
    static Path casesFile() {
        String configured = System.getProperty("conformance.cases");
        if (configured != null) {
            return Path.of(configured);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolveSibling("shared").resolve("conformance").resolve("cases.json");
            if (Files.exists(dir.resolve("pom.xml")) && Files.exists(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        return Path.of("../../shared/conformance/cases.json");
    }

    @TestFactory
    Stream<DynamicTest> everyCaseMatchesArx() {
        Path cases = casesFile();
        if (!Files.exists(cases)) {
            assertThat(System.getenv("CI")).as("CI=true but no ARX conformance cases at %s", cases.toAbsolutePath())
                    .isNotEqualToIgnoringCase("true");
            System.err.println("ARX conformance SKIPPED: no cases at " + cases.toAbsolutePath()
                    + " (set -Dconformance.cases=FILE to run them)");
            Assumptions.abort("ARX conformance cases not found at " + cases.toAbsolutePath());
        }
        List<ConformanceCase> all = ConformanceCase.readAll(cases);
        Map<Path, CsvTable> tables = new HashMap<>();
        return all.stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> {
            CsvTable table = tables.computeIfAbsent(c.input(), in -> CsvTable.read(in, c.delimiter()));
            PolicySpec policy = c.policy();
            TableAnonymizer.Outcome outcome = TableAnonymizer.anonymize(table, policy);
            var json = ResultJson.of(policy, outcome.result());
            assertThat(c.accepts(json))
                    .as("%s: got levels %s loss %s; ARX: %s", c.id(), json.get("levels"), json.get("information_loss"),
                            c.expected())
                    .isTrue();
        }));
    }
}
