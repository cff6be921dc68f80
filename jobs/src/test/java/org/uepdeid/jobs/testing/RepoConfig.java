package org.uepdeid.jobs.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's {@code jobs-config/pipeline.yaml} with its {@code aggregates.privacy} block replaced, for tests. */
public final class RepoConfig {

    public static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    /** Exact statistics under {@code min_devices}, as before differential privacy. */
    public static final String EXACT_STATISTICS = "  privacy: {mechanism: none}\n";

    private RepoConfig() {
    }

    /**
     * Writes the repository's config with {@code privacy} (an indented {@code privacy:} block) in place of its own to
     * {@code file}, naming its IP table and hierarchies absolutely so that it works from anywhere.
     */
    public static Path withPrivacy(Path file, String privacy) {
        Path folder = REPO.resolve("jobs-config");
        try {
            String repo = Files.readString(folder.resolve("pipeline.yaml"))
                    .replace("ip_regions: ip-regions.csv", "ip_regions: " + folder.resolve("ip-regions.csv"))
                    .replace("hierarchy: hierarchies/", "hierarchy: " + folder.resolve("hierarchies") + "/");
            int start = repo.indexOf("  privacy:\n");
            int end = repo.indexOf("\n\n", start);
            if (start < 0 || end < 0) {
                throw new IllegalStateException("jobs-config/pipeline.yaml has no aggregates.privacy block");
            }
            return Files.writeString(file, repo.substring(0, start) + privacy + repo.substring(end + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository's config with exact statistics, in a temporary file deleted when the JVM exits. */
    public static Path exactStatistics() {
        try {
            Path file = Files.createTempFile("pipeline-exact-", ".yaml");
            file.toFile().deleteOnExit();
            return withPrivacy(file, EXACT_STATISTICS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
