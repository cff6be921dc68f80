package org.uepdeid.jobs.config;

import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/** The command-line options that choose the pseudonym key: {@code --key-file F}, {@code --demo}, or the environment. */
public final class KeyOptions {

    private static final Logger LOG = LoggerFactory.getLogger(KeyOptions.class);

    @Option(names = "--key-file", paramLabel = "FILE",
            description = "File holding the pseudonym key (default: the " + PseudonymKey.ENVIRONMENT_VARIABLE
                    + " environment variable).")
    Path keyFile;

    @Option(names = "--demo",
            description = "Use the fixed, public demo key. Only on days `uep-deid generate` wrote (their landing "
                    + "manifest says so): its pseudonyms are not secret.")
    boolean demo;

    /**
     * Resolves the key: {@code --demo}, else {@code --key-file}, else the environment variable, named by
     * {@value PseudonymKey#ID_VARIABLE}; with none of them the run is refused, because pseudonyms made with a made-up
     * key could not be joined or erased later.
     *
     * @param environment looks up an environment variable (so tests need not change the real environment)
     */
    public PseudonymKey resolve(UnaryOperator<String> environment) {
        if (demo && keyFile != null) {
            throw new ConfigException("--demo and --key-file exclude each other: choose one");
        }
        String id = environment.apply(PseudonymKey.ID_VARIABLE);
        if (demo) {
            LOG.warn("*** DEMO KEY *** pseudonyms are made with the fixed public demo key: they are NOT secret. "
                    + "Never use --demo on real telemetry.");
            return PseudonymKey.demo();
        }
        if (keyFile != null) {
            return PseudonymKey.fromFile(keyFile).withId(id);
        }
        String value = environment.apply(PseudonymKey.ENVIRONMENT_VARIABLE);
        if (value == null || value.isEmpty()) {
            throw new ConfigException("no pseudonym key: set the " + PseudonymKey.ENVIRONMENT_VARIABLE
                    + " environment variable or pass --key-file FILE (" + PseudonymKey.HOW_TO_MAKE_ONE
                    + "; --demo for generated days only)");
        }
        return PseudonymKey.fromEnvironment(value).withId(id);
    }
}
