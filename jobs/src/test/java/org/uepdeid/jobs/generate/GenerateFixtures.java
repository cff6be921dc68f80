package org.uepdeid.jobs.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.uepdeid.jobs.ipregion.IpRegionTable;
import org.uepdeid.jobs.spark.SparkSessions;

/** What the generator's tests share: the repository's IP table, a config pointing at it, a local Spark. */
final class GenerateFixtures {

    /** Tests run in the jobs/ module folder; the table lives at the repository root. */
    static final Path IP_REGIONS = Path.of("..", "jobs-config", "ip-regions.csv").toAbsolutePath().normalize();

    private GenerateFixtures() {
    }

    static Population population(long seed, double badShare) {
        return new Population(seed, Shares.DEFAULT, badShare, Catalogues.load(), IpRegionTable.load(IP_REGIONS.toUri(), new Configuration()));
    }

    /** A YAML config in {@code folder} that points at the repository's IP table, plus any extra settings. */
    static Path config(Path folder, String extraSettings) {
        Path file = folder.resolve("generate-" + Integer.toHexString(extraSettings.hashCode()) + ".yaml");
        String yaml = "ingest:\n  unrelated: true\n"
                + "generate:\n  ip_regions: " + IP_REGIONS + "\n" + extraSettings;
        try {
            return Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GenerateRequest request(Path out, String firstDay, int days, long devices, long seed, double badShare,
                                   Path config) {
        return new GenerateRequest(out.toString(), LocalDate.parse(firstDay), days, devices, seed, badShare,
                Optional.of(config), Optional.empty());
    }

    /** Local Spark with two threads, as the project's tests run it. */
    static SparkSession spark() {
        System.setProperty("spark.master", "local[2]");
        return SparkSessions.getOrCreate("generate-tests");
    }
}
