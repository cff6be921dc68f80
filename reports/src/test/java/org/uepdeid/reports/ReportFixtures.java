package org.uepdeid.reports;

import java.time.LocalDate;
import java.util.List;

/** Report models built by hand: a verified day, with a label that tries to inject a script. */
final class ReportFixtures {

    static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    static final String MALICIOUS = "<script>alert('x')</script>";
    static final String SHA = "ab".repeat(32);

    private ReportFixtures() {
    }

    static ReportModel verified() {
        return model(new Compliance("device_profiles/dt=2026-11-27", "failed", List.of(
                new VerificationCheck("k_anonymity", "device_profiles", "12", "10", true, "", List.of()),
                new VerificationCheck("no_direct_identifiers", "stats/app_usage", "1", "0", false,
                        "a value looks like an e-mail address", List.of("j***@e***.com", MALICIOUS))),
                new Distributions(
                        List.of(new ClassSizeBin("12", 3, 36), new ClassSizeBin("15", 2, 30),
                                new ClassSizeBin("50+", 4, 420)),
                        List.of(new RiskBucket("(0, 0.02]", 420), new RiskBucket("(0.05, 0.1]", 66)))));
    }

    static ReportModel unverified() {
        return model(null);
    }

    static ReportModel model(Compliance compliance) {
        List<JobRun> runs = List.of(
                new JobRun("ingest", "20261128T010000Z-aaaa1111", "0.1.0", SHA, 10_000, 9_412),
                new JobRun("anonymize", "20261128T010500Z-bbbb2222", "0.1.0", SHA, 500, 486));
        List<Funnel> funnels = List.of(
                new Funnel("ingest", "lines", 10_000, List.of(new Outflow("quarantined: bad_json", 120),
                        new Outflow("quarantined: " + MALICIOUS, 8), new Outflow("no consent", 400),
                        new Outflow("minors", 60), new Outflow("erased", 0), new Outflow("duplicates", 0)),
                        "accepted", 9_412),
                new Funnel("anonymize", "devices", 500, List.of(new Outflow("value not in hierarchy", 14)),
                        "published rows", 486));
        Anonymization anonymization = new Anonymization(List.of("region", "cpu_family", MALICIOUS), null,
                List.of("k-anonymity (k=10)"),
                List.of(new QiLevel("region", 1, 2), new QiLevel("cpu_family", 2, 3), new QiLevel(MALICIOUS, 0, 1)),
                12, new Suppression(6, 486, 0.02), new InformationLoss("loss", List.of(0.3172)),
                new ReidentificationRisk(480, 9, 0.0833, 0.0188, 0.0833, 0.0188, 0.1, 0, 0), 24, 31, true);
        List<ProductPreview> products = List.of(new ProductPreview("os_adoption", "Devices by OS version",
                14, 3, 10, List.of("os_version", "region", "devices"),
                List.of(List.of("20.*", "east", "1,204"), List.of(MALICIOUS, "*", "17")),
                "largest cells by devices"));
        return new ReportModel(DAY, runs, funnels, anonymization, compliance, products);
    }
}
