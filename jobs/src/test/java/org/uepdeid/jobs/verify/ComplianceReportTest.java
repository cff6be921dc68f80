package org.uepdeid.jobs.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The keys of compliance.json are a contract with the HTML report. */
class ComplianceReportTest {

    private static final JsonMapper JSON = new JsonMapper();

    @Test
    void writesTheContractKeys() throws Exception {
        ClassSizes sizes = new ClassSizes(new TreeMap<>(Map.of(10L, 3L, 25L, 1L)), 2);
        ComplianceReport report = new ComplianceReport(LocalDate.of(2026, 11, 27), "published/**/dt=2026-11-27",
                List.of("microdata/device_profiles"), List.of(
                new CheckResult("k_anonymity", "microdata/device_profiles", 10L, 10, true, "smallest", List.of()),
                new CheckResult("recursive_cl", "microdata/device_profiles", Double.POSITIVE_INFINITY, 3.0, false,
                        "no tail", List.of("Ea***"))), Optional.of(sizes), 0.02, 0.1);

        JsonNode json = JSON.readTree(report.toJson());

        assertThat(json.get("status").asText()).isEqualTo("failed");
        assertThat(json.at("/checks/0/measured").asLong()).isEqualTo(10);
        assertThat(json.at("/checks/1/measured").asText()).isEqualTo("infinity");
        assertThat(json.at("/checks/1/sample/0").asText()).isEqualTo("Ea***");
        assertThat(json.at("/distributions/class_sizes/1/size").asLong()).isEqualTo(25);
        assertThat(json.at("/distributions/class_sizes/0/records").asLong()).isEqualTo(30);
        assertThat(json.at("/distributions/risk/3/bucket").asText()).isEqualTo("(0.05,0.1]");
        assertThat(json.at("/distributions/risk/3/records").asLong()).isEqualTo(30);
        assertThat(json.at("/distributions/risk/2/records").asLong()).as("risk 0.04").isEqualTo(25);
        assertThat(json.at("/suppression/suppressed_records").asLong()).isEqualTo(2);
        assertThat(json.at("/suppression/records").asLong()).isEqualTo(57);
        assertThat(json.at("/suppression/limit").asDouble()).isEqualTo(0.02);

        JsonNode section = report.verificationOf("microdata/device_profiles", "reports/dt=2026-11-27/compliance.json");
        assertThat(section.get("status").asText()).isEqualTo("failed");
        assertThat(section.at("/checks/1").has("sample")).as("manifests carry figures, not samples").isFalse();
    }
}
