package org.uepdeid.jobs.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.uepdeid.jobs.cli.UepDeid;
import picocli.CommandLine;

/**
 * uep-deid's command line run as a user runs it, keeping what it prints so that a test can assert on the one line a
 * user would read. Create one per test: the printed text accumulates over its runs.
 */
public final class CommandLineRun {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Runs the command line with {@code args} and returns its exit code. */
    public int execute(String... args) {
        CommandLine cli = UepDeid.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    /** What the runs printed on standard output. */
    public String out() {
        return out.toString();
    }

    /** What the runs printed on standard error: the usage and failure messages. */
    public String err() {
        return err.toString();
    }
}
