package org.uepdeid.bench;

import org.uepdeid.jobs.config.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The benchmarks' own executable, run by {@code scripts/bench.sh}: kept apart from {@code uep-deid} so neither the
 * benchmarks nor the ARX conformance oracle they read ship in the production jar. Exit codes as {@code uep-deid}'s.
 */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks of uep-deid; prints figures, asserts nothing.",
        subcommands = {AnonymizerBenchmark.class, PipelineBenchmark.class})
public final class Bench implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a benchmark");
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return ExitCodes.applyTo(new CommandLine(new Bench()));
    }
}
