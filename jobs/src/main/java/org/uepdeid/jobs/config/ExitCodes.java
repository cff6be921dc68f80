package org.uepdeid.jobs.config;

import org.uepdeid.anonymizer.input.UserInputException;
import org.uepdeid.jobs.layout.ReleaseBlockedException;
import picocli.CommandLine;

/**
 * The exit codes every command shares, and which failure gets which: 0 done, 1 checks failed (nothing published),
 * 2 bad usage or input, 3 runtime failure.
 *
 * <p>Only a {@link UserInputException} (or picocli's own usage error) is the user's to fix and is printed as one line;
 * anything else, an {@link IllegalArgumentException} included, is a bug or a failure of the machinery, and its stack
 * trace goes to the log (exception messages never carry personal data, so the trace does not either).
 */
public final class ExitCodes {

    public static final int DONE = 0;
    public static final int CHECKS_FAILED = 1;
    public static final int BAD_USAGE = 2;
    public static final int RUNTIME_FAILURE = 3;

    private ExitCodes() {
    }

    /** Makes {@code cli} exit with these codes: {@code uep-deid} and the benchmarks' executable share them. */
    public static CommandLine applyTo(CommandLine cli) {
        cli.setExitCodeExceptionMapper(ExitCodes::forException);
        cli.setExecutionExceptionHandler(ExitCodes::handleExecutionException);
        cli.getCommandSpec().exitCodeOnInvalidInput(BAD_USAGE);
        return cli;
    }

    /** The exit code of a command that ended with {@code t}. */
    public static int forException(Throwable t) {
        if (t instanceof ReleaseBlockedException) {
            return CHECKS_FAILED;
        }
        if (t instanceof UserInputException || t instanceof CommandLine.ParameterException) {
            return BAD_USAGE;
        }
        return RUNTIME_FAILURE;
    }

    /** Prints what a user needs for the exception's kind and returns its exit code; picocli's execution handler. */
    public static int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        int exit = forException(e);
        switch (exit) {
            case CHECKS_FAILED -> cli.getErr().println("not published: " + e.getMessage());
            case BAD_USAGE -> cli.getErr().println("error: " + e.getMessage());
            default -> {
                cli.getErr().println("failed: " + e);
                e.printStackTrace(cli.getErr());
            }
        }
        return exit;
    }
}
