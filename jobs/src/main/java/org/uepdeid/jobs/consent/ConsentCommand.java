package org.uepdeid.jobs.consent;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code uep-deid consent}: the consent records ingest applies; its one subcommand is {@code revoke}. */
@Command(name = "consent", mixinStandardHelpOptions = true, subcommands = RevokeCommand.class,
        description = "Records changes of users' consent in ledger/consent, which every ingest applies.")
public final class ConsentCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: revoke");
    }
}
