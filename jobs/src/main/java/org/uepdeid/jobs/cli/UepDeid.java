package org.uepdeid.jobs.cli;

import org.uepdeid.jobs.aggregate.AggregateCommand;
import org.uepdeid.jobs.anonymize.AnonymizeCommand;
import org.uepdeid.jobs.config.ExitCodes;
import org.uepdeid.jobs.consent.ConsentCommand;
import org.uepdeid.jobs.erase.EraseCommand;
import org.uepdeid.jobs.rekey.RekeyCommand;
import org.uepdeid.jobs.generate.GenerateCommand;
import org.uepdeid.jobs.ingest.IngestCommand;
import org.uepdeid.jobs.manifest.CodeVersion;
import org.uepdeid.jobs.profile.ProfileCommand;
import org.uepdeid.jobs.query.QueryCommand;
import org.uepdeid.jobs.report.ReportCommand;
import org.uepdeid.jobs.retention.RetentionCommand;
import org.uepdeid.jobs.run.RunCommand;
import org.uepdeid.jobs.share.ShareCommand;
import org.uepdeid.jobs.table.AnonymizeTableCommand;
import org.uepdeid.jobs.verify.ModelMeasures;
import org.uepdeid.jobs.verify.VerifyCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code uep-deid} executable: one subcommand per job. */
@Command(name = "uep-deid",
        mixinStandardHelpOptions = true,
        versionProvider = UepDeid.Version.class,
        description = "De-identifies User Experience Program telemetry and publishes what is safe to share.",
        subcommands = {
                GenerateCommand.class,
                IngestCommand.class,
                ProfileCommand.class,
                AnonymizeCommand.class,
                AggregateCommand.class,
                VerifyCommand.class,
                ReportCommand.class,
                RunCommand.class,
                EraseCommand.class,
                ConsentCommand.class,
                RekeyCommand.class,
                RetentionCommand.class,
                ShareCommand.class,
                AnonymizeTableCommand.class,
                QueryCommand.class,
        })
public final class UepDeid implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command");
    }

    public static void main(String[] args) {
        CommandLine cli;
        try {
            cli = commandLine();
        } catch (IllegalStateException e) {
            System.err.println("failed: " + e);
            e.printStackTrace();
            System.exit(ExitCodes.RUNTIME_FAILURE);
            return;
        }
        System.exit(cli.execute(args));
    }

    /**
     * The configured command line: exit codes 1 when not published, 2 for bad usage or input, 3 for failures.
     *
     * @throws IllegalStateException when verify cannot measure a privacy model the engine declares: nothing may run
     *     that could publish a release verify cannot check
     */
    public static CommandLine commandLine() {
        ModelMeasures.requireEveryModelType();
        return ExitCodes.applyTo(new CommandLine(new UepDeid()));
    }

    /** {@code --version}: the code version the manifests record. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"uep-deid " + CodeVersion.current()};
        }
    }
}
