package org.uepdeid.jobs.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.stream.Stream;
import org.uepdeid.jobs.cli.UepDeid;
import picocli.CommandLine;

/** One in-process run of the {@code uep-deid} command line, as an operator sees it: exit code, stdout, stderr. */
public record CommandRun(int exit, String out, String err) {

    /** Runs {@code command} with {@code args}, as {@code uep-deid command args...} would. */
    public static CommandRun of(String command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = UepDeid.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(Stream.concat(Stream.of(command), Stream.of(args)).toArray(String[]::new));
        return new CommandRun(exit, out.toString(), err.toString());
    }
}
