package org.uepdeid.jobs.generate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.uepdeid.jobs.config.ExitCodes;
import org.uepdeid.jobs.spark.SparkSessions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code generate} command: parses its options and runs {@link TelemetryGenerator}. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Writes realistic synthetic UEP telemetry (JSON Lines) under DIR/landing/dt=D/ for each day.")
public final class GenerateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Data root; days go to DIR/landing/dt=D/.")
    String out;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", converter = IsoDate.class,
            description = "First day to generate (China time).")
    LocalDate date;

    @Option(names = "--days", defaultValue = "1", paramLabel = "N",
            description = "Number of days (default ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--devices", required = true, paramLabel = "N", description = "Number of devices.")
    long devices;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--bad-share", defaultValue = "0.01", paramLabel = "F",
            description = "Share of bad lines, 0 to 0.5 (default ${DEFAULT-VALUE}).")
    double badShare;

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML config; its generate: section sets ip_regions, shares and devices_per_file.")
    Path config;

    @Option(names = "--planted-pii", paramLabel = "FILE",
            description = "Also write the planted personal values (TSV) to FILE, for end-to-end tests. Personal data!")
    Path plantedPii;

    @Override
    public Integer call() {
        GenerateRequest request = new GenerateRequest(out, date, days, devices, seed, badShare,
                Optional.ofNullable(config), Optional.ofNullable(plantedPii));
        TelemetryGenerator generator = TelemetryGenerator.prepare(request);
        GenerationSummary summary = generator.writeLanding(SparkSessions.getOrCreate("uep-deid generate"));
        spec.commandLine().getOut().print(summary.describe());
        spec.commandLine().getOut().flush();
        return ExitCodes.DONE;
    }

    /** Strict ISO dates, with a message that shows the expected form. */
    static final class IsoDate implements CommandLine.ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a date of the form YYYY-MM-DD");
            }
        }
    }
}
