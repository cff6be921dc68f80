package org.uepdeid.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.uepdeid.anonymizer.table.ConformanceCase;
import org.uepdeid.anonymizer.table.CsvTable;
import org.uepdeid.anonymizer.table.ResultJson;
import org.uepdeid.anonymizer.table.TableAnonymizer;
import org.uepdeid.anonymizer.input.DocumentNode;
import org.uepdeid.anonymizer.policy.PolicySpec;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures the engine's in-JVM search time on the ARX conformance cases after warm-up (median of several runs, next
 * to ARX's median for the same case), and on large tables sampled column-wise from adult. Run by
 * {@code scripts/bench.sh anonymizer}.
 */
@Command(name = "anonymizer", mixinStandardHelpOptions = true,
        description = "Benchmarks the anonymization engine (see scripts/bench.sh).")
public final class AnonymizerBenchmark implements Callable<Integer> {

    @Option(names = "--cases", required = true, description = "the conformance cases.json")
    Path casesFile;

    @Option(names = "--only", split = ",", description = "case ids to run (default: all)")
    List<String> only;

    @Option(names = "--runs", defaultValue = "5", description = "measured runs per case (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--warmup", defaultValue = "2", description = "warm-up runs per case (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--scale", split = ",", description = "row counts of sampled adult tables, e.g. 1000000,3000000")
    List<Integer> scale = new ArrayList<>();

    @Override
    public Integer call() {
        List<ConformanceCase> cases = ConformanceCase.readAll(casesFile);
        Map<Path, CsvTable> tables = new LinkedHashMap<>();
        Map<String, List<double[]>> byFamily = new LinkedHashMap<>();
        System.out.printf("%-14s %10s %10s %8s %8s%n", "case", "ours_ms", "arx_ms", "ratio", "checked");
        for (ConformanceCase c : cases) {
            if (only != null && !only.contains(c.id())) {
                continue;
            }
            CsvTable table = tables.computeIfAbsent(c.input(), in -> CsvTable.read(in, c.delimiter()));
            long[] times = new long[runs];
            int checked = 0;
            for (int i = 0; i < warmup + runs; i++) {
                TableAnonymizer.Outcome outcome = TableAnonymizer.anonymize(table, c.policy());
                if (i >= warmup) {
                    times[i - warmup] = outcome.result().searchMillis();
                    checked = outcome.result().transformationsChecked();
                }
            }
            double median = median(times);
            System.out.printf("%-14s %10.1f %10d %8.2f %8d%n", c.id(), median, c.arxMedianMillis(),
                    median / c.arxMedianMillis(), checked);
            byFamily.computeIfAbsent(c.family(), f -> new ArrayList<>())
                    .add(new double[] {median, c.arxMedianMillis()});
        }
        System.out.println();
        System.out.printf("%-10s %6s %12s %12s %8s%n", "family", "cases", "ours_median", "arx_median", "ratio");
        for (Map.Entry<String, List<double[]>> e : byFamily.entrySet()) {
            double ours = median(e.getValue().stream().mapToDouble(v -> v[0]).toArray());
            double arx = median(e.getValue().stream().mapToDouble(v -> v[1]).toArray());
            System.out.printf("%-10s %6d %12.1f %12.1f %8.2f%n", e.getKey(), e.getValue().size(), ours, arx,
                    ours / arx);
        }
        for (int rows : scale) {
            scaleRun(cases, tables, rows);
        }
        return 0;
    }

    /**
     * k-anonymity (k=5, 4 % suppression, Loss) on a table whose columns are sampled independently from adult's with a
     * fixed seed, so it has far more distinct tuples than adult itself.
     */
    private void scaleRun(List<ConformanceCase> cases, Map<Path, CsvTable> tables, int rows) {
        ConformanceCase template = cases.stream().filter(c -> c.id().startsWith("kanon")).findFirst().orElseThrow();
        CsvTable adult = tables.computeIfAbsent(template.input(), in -> CsvTable.read(in, template.delimiter()));
        SplittableRandom random = new SplittableRandom(20261129L);
        int columns = adult.header().size();
        List<String[]> sampled = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            String[] row = new String[columns];
            for (int j = 0; j < columns; j++) {
                row[j] = adult.rows().get(random.nextInt(adult.rows().size()))[j];
            }
            sampled.add(row);
        }
        CsvTable table = new CsvTable(adult.header(), sampled);
        ObjectNode policy = new ObjectMapper().createObjectNode();
        policy.set("quasi_identifiers", template.policyJson().get("quasi_identifiers"));
        policy.putArray("privacy_models").addObject().put("type", "k-anonymity").put("k", 5);
        policy.put("suppression_limit", 0.04);
        policy.putObject("metric").put("type", "loss").put("gs_factor", 0.5).put("aggregate", "geometric-mean");
        PolicySpec spec = PolicySpec.read(DocumentNode.of(policy, "scale-" + rows), template.baseDir());
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        TableAnonymizer.Outcome outcome = TableAnonymizer.anonymize(table, spec);
        long total = (System.nanoTime() - start) / 1_000_000;
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        ObjectNode json = ResultJson.of(spec, outcome.result());
        System.out.printf("%nscale %,d rows: search %d ms (encode+search+output %d ms), %d transformations checked, "
                        + "levels %s, loss %s%n  frequency table: %,d distinct tuples, %,d MB (%d bytes per tuple); "
                        + "heap: %,d MB in use before (the rows), at most %,d MB at peak (the pools' peaks summed), "
                        + "limit %,d MB%n", rows,
                outcome.result().searchMillis(), total, outcome.result().transformationsChecked(), json.get("levels"),
                json.get("information_loss"), outcome.table().size(), outcome.table().footprintBytes() >> 20,
                outcome.table().footprintBytes() / Math.max(1, outcome.table().size()), before >> 20, peak >> 20,
                rt.maxMemory() >> 20);
    }

    private static double median(long[] values) {
        return median(Arrays.stream(values).asDoubleStream().toArray());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
