package org.uepdeid.jobs.manifest;

/** The code version every manifest records, from the jar manifest ("dev" when run from classes). */
public final class CodeVersion {

    private CodeVersion() {
    }

    public static String current() {
        String version = CodeVersion.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
