package org.uepdeid.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uepdeid.anonymizer.input.UserInputException;
import org.uepdeid.jobs.config.ExitCodes;
import org.uepdeid.jobs.config.JobOptions;
import org.uepdeid.jobs.testing.CommandLineRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The exit code and what is printed tell a user's mistake (2, one line naming it) from a bug (3, with the stack
 * trace), through the real command line.
 */
class ExitCodesTest {

    private static final String CONFIG = Path.of("..", "jobs-config", "pipeline.yaml").toString();

    @TempDir
    Path dir;

    /** A daily job that fails the way {@code --throw} says, once its config is read and its Spark session is up. */
    @Command(name = "fail-inside-a-job")
    static final class FailingJob implements Callable<Integer> {

        @Mixin
        JobOptions job;

        @Option(names = "--throw")
        String kind;

        @Override
        public Integer call() throws IOException {
            return job.run("fail-inside-a-job", (spark, config, date) -> {
                throw switch (kind) {
                    case "state" -> new IllegalStateException("deliberate: an internal invariant broke");
                    case "argument" -> new IllegalArgumentException("deliberate: a bug passed a bad argument");
                    default -> new UserInputException("deliberate: the user gave a bad value");
                };
            });
        }
    }

    private record Run(int exit, String err) {
    }

    private Run failInsideAJob(String kind) {
        StringWriter err = new StringWriter();
        CommandLine cli = UepDeid.commandLine().addSubcommand(new FailingJob());
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute("fail-inside-a-job", "--config", CONFIG, "--data-root", dir.toString(),
                "--date", "2026-11-27", "--throw", kind);
        return new Run(exit, err.toString());
    }

    @Test
    void anIllegalStateExceptionInsideAJobExits3WithItsStackTrace() {
        Run run = failInsideAJob("state");

        assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.RUNTIME_FAILURE);
        assertThat(run.err()).contains("failed: java.lang.IllegalStateException: deliberate: an internal invariant")
                .contains("\tat org.uepdeid.jobs.cli.ExitCodesTest$FailingJob");
    }

    @Test
    void anIllegalArgumentExceptionIsABugNotBadUsage() {
        Run run = failInsideAJob("argument");

        assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.RUNTIME_FAILURE);
        assertThat(run.err()).contains("failed: java.lang.IllegalArgumentException: deliberate")
                .contains("\tat org.uepdeid.jobs.cli.ExitCodesTest$FailingJob");
    }

    @Test
    void userInputInsideAJobExits2WithItsMessageAloneNoTrace() {
        Run run = failInsideAJob("input");

        assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(run.err().strip()).isEqualTo("error: deliberate: the user gave a bad value");
    }

    @Test
    void aBadPolicyKeyExits2NamingTheKeyBeforeAnyDataIsRead() throws IOException {
        Path configs = dir.resolve("jobs-config");
        copyTree(Path.of(CONFIG).getParent(), configs);
        Path config = configs.resolve("pipeline.yaml");
        Files.writeString(config, Files.readString(config).replace("  suppression_limit: 0.02",
                "  suppresion_limit: 0.02"));
        CommandLineRun cli = new CommandLineRun();

        int exit = cli.execute("anonymize", "--config", config.toString(), "--data-root", dir.resolve("data").toString(),
                "--date", "2026-11-27");

        assertThat(exit).as(cli.err()).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(cli.err().strip()).isEqualTo("error: " + config + ": anonymization.suppresion_limit: unknown key; "
                + "known keys: metric, practical_monotonicity, privacy_models, quasi_identifiers, risk_threshold, "
                + "search_time_limit_seconds, sensitive, suppression_limit");
    }

    @Test
    void aQuerySparkCannotAnalyseIsTheUsersToFix() {
        CommandLineRun cli = new CommandLineRun();
        int exit = cli.execute("query", "select no_such_column from nowhere", "--config", CONFIG,
                "--data-root", dir.toString());

        assertThat(exit).as(cli.err()).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(cli.err()).startsWith("error: query: ").contains("nowhere").doesNotContain("\tat ");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
            }
        }
    }
}
