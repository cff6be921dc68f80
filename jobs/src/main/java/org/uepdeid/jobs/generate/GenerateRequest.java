package org.uepdeid.jobs.generate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.uepdeid.jobs.config.ConfigException;

/**
 * The parameters of one {@code generate} run, validated: where to write ({@code out}, a local or Hadoop path),
 * the first day and number of days, the number of devices, the seed, the share of bad lines, an optional YAML
 * config and an optional file to receive the planted personal values.
 *
 * <p>Errors name the command-line option, since that is where a user sets each value.
 */
public record GenerateRequest(String out, LocalDate firstDay, int days, long devices, long seed, double badShare,
                              Optional<Path> config, Optional<Path> plantedPii) {

    /** Ten years: enough for any test or benchmark, and a guard against a typo such as --days 36500. */
    static final int MAX_DAYS = 3660;
    /** Above one half, "bad" lines would be the data and the summary's shares would mean little. */
    static final double MAX_BAD_SHARE = 0.5;

    public GenerateRequest {
        if (out == null || out.isBlank()) {
            throw new ConfigException("--out must name a directory, got '" + out + "'");
        }
        if (firstDay == null) {
            throw new ConfigException("--date is required (YYYY-MM-DD)");
        }
        if (days < 1 || days > MAX_DAYS) {
            throw new ConfigException("--days must be between 1 and " + MAX_DAYS + ", got " + days);
        }
        if (devices < 1) {
            throw new ConfigException("--devices must be at least 1, got " + devices);
        }
        if (!(badShare >= 0 && badShare <= MAX_BAD_SHARE)) {
            throw new ConfigException(
                    "--bad-share must be between 0 and " + MAX_BAD_SHARE + ", got " + badShare);
        }
        if (config == null || plantedPii == null) {
            throw new IllegalArgumentException("config and plantedPii must be Optional, not null");
        }
    }

    /** The days to generate, in order. */
    public List<LocalDate> daysToGenerate() {
        return IntStream.range(0, days).mapToObj(firstDay::plusDays).toList();
    }
}
