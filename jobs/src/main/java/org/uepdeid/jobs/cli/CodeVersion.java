package org.uepdeid.jobs.cli;

import picocli.CommandLine;

/** The code version, from the jar manifest (falls back to "dev" when run from classes). */
public final class CodeVersion implements CommandLine.IVersionProvider {

    public static String current() {
        String version = CodeVersion.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"uep-deid " + current()};
    }
}
