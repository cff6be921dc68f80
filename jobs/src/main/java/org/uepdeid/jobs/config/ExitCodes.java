package org.uepdeid.jobs.config;

import org.uepdeid.jobs.layout.ReleaseBlockedException;
import picocli.CommandLine;

/** The exit codes every command shares: 0 done, 1 checks failed, 2 bad usage or config, 3 runtime failure. */
public final class ExitCodes {

    public static final int DONE = 0;
    public static final int CHECKS_FAILED = 1;
    public static final int BAD_USAGE = 2;
    public static final int RUNTIME_FAILURE = 3;

    private ExitCodes() {
    }

    public static int forException(Throwable t) {
        if (t instanceof ReleaseBlockedException) {
            return CHECKS_FAILED;
        }
        return isUsageError(t) ? BAD_USAGE : RUNTIME_FAILURE;
    }

    /** Bad input (config, policy, hierarchy, table) is the user's to fix: one clear line, no stack trace. */
    public static int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        if (e instanceof ReleaseBlockedException) {
            cli.getErr().println("not published: " + e.getMessage());
            return CHECKS_FAILED;
        }
        if (isUsageError(e)) {
            cli.getErr().println("error: " + e.getMessage());
            return BAD_USAGE;
        }
        cli.getErr().println("failed: " + e);
        e.printStackTrace(cli.getErr());
        return RUNTIME_FAILURE;
    }

    private static boolean isUsageError(Throwable t) {
        return t instanceof IllegalArgumentException || t instanceof CommandLine.ParameterException;
    }
}
