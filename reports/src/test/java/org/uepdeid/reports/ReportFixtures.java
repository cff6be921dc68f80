package org.uepdeid.reports;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Report models built by hand: a verified day, with a label that tries to inject a script, and the 30 days before it
 * with three days missing (2026-11-03, 2026-11-04 and 2026-11-15).
 */
final class ReportFixtures {

    static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    static final String MALICIOUS = "<script>alert('x')</script>";
    static final String SHA = "ab".repeat(32);

    private ReportFixtures() {
    }

    static ReportModel verified() {
        return withClassSizes(List.of(new ClassSize(12, 3, 36), new ClassSize(15, 2, 30), new ClassSize(105, 4, 420)));
    }

    /** {@link #verified()} with another class-size distribution. */
    static ReportModel withClassSizes(List<ClassSize> sizes) {
        return model(new Compliance("device_profiles/dt=2026-11-27", "failed", List.of(
                new VerificationCheck("k_anonymity", "device_profiles", "12", "10", true, "", List.of()),
                new VerificationCheck("no_direct_identifiers", "stats/app_usage", "1", "0", false,
                        "a value looks like an e-mail address", List.of("j***@e***.com", MALICIOUS))),
                new Distributions(
                        sizes,
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
                List.of("k-anonymity (k=10)"), 10,
                List.of(new QiLevel("region", 1, 2), new QiLevel("cpu_family", 2, 3), new QiLevel(MALICIOUS, 0, 1)),
                12, new Suppression(6, 486, 0.02), new InformationLoss("loss", List.of(0.3172)),
                new ReidentificationRisk(480, 9, 0.0833, 0.0188, 0.0833, 0.0188, 0.1, 0, 0), 24, 31, true);
        List<ProductPreview> products = List.of(new ProductPreview("os_adoption", "Devices by OS version",
                14, 3, 10, List.of("os_version", "region", "devices"),
                List.of(List.of("20.*", "east", "1,204"), List.of(MALICIOUS, "*", "17")),
                "largest cells by devices"),
                new ProductPreview("hardware_landscape", "Devices by memory and disk size", 2, 0, 10,
                        List.of("memory_mb", "disk_total_gb", "devices"),
                        List.of(List.of("[1024, 2048)", "[16, 256)", "320"), List.of("*", ">=65536", "12")),
                        "largest cells by devices"));
        return new ReportModel(DAY, runs, funnels, anonymization, compliance, products, history(anonymization));
    }

    /** Days missing from {@link #history}. */
    static final List<LocalDate> GAPS = List.of(LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 4),
            LocalDate.of(2026, 11, 15));

    /**
     * The 30 days up to {@link #DAY}: every day but {@link #GAPS} published, the records growing by 10 a day; the
     * day itself has two releases in the log, the first replaced after an erasure.
     */
    static History history(Anonymization day) {
        LocalDate from = DAY.minusDays(History.DAYS - 1);
        List<PublishedDay> days = new ArrayList<>();
        for (LocalDate date = from; date.isBefore(DAY); date = date.plusDays(1)) {
            if (!GAPS.contains(date)) {
                int n = (int) ChronoUnit.DAYS.between(from, date);
                days.add(new PublishedDay(date, new Suppression(n % 4, 200 + 10L * n, 0.02),
                        new InformationLoss("loss", List.of(0.30 + n / 1000.0)),
                        List.of(new QiLevel("region", 1, 2), new QiLevel("cpu_family", n % 3, 3)), 6, "passed"));
            }
        }
        days.add(new PublishedDay(DAY, day.suppression(), day.informationLoss(), day.levels(), 1, "passed"));
        List<Release> releases = List.of(
                new Release(DAY + "-r1", DAY, "2026-11-28T03:00:00Z", null, null, "passed",
                        List.of(new Release.Output("device_profiles", "microdata", "internal", 487)), true),
                new Release(DAY + "-r2", DAY, "2026-11-29T09:30:00Z", DAY + "-r1", "erasure",
                        "passed", List.of(new Release.Output("device_profiles", "microdata", "internal", 486),
                        new Release.Output("os_adoption", "statistics", "affiliates", 14)), false),
                new Release("2026-11-20-r1", LocalDate.of(2026, 11, 20), "2026-11-21T03:00:00Z",
                        null, null, "passed", List.of(), false));
        return new History(from, DAY, days, releases);
    }
}
