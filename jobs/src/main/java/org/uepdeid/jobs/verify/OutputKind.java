package org.uepdeid.jobs.verify;

import java.util.Locale;

/** What a published folder holds, which decides the checks it gets beyond those every output gets. */
enum OutputKind {
    /** Anonymized per-device records: {@code published/microdata/...}. */
    MICRODATA,
    /** Aggregate cells over distinct devices: {@code published/stats/<product>}. */
    STATISTICS,
    /** Anything else under {@code published/}: it still gets the schema, personal data and manifest checks. */
    OTHER;

    /**
     * The kind of a target ({@code microdata/device_profiles}) by the zone it is published in; a folder verified
     * outside the data root falls back to the job its manifest names.
     */
    static OutputKind of(String target, String job) {
        String zone = target.contains("/") ? target.substring(0, target.indexOf('/')) : "";
        return switch (zone) {
            case "microdata" -> MICRODATA;
            case "stats" -> STATISTICS;
            default -> switch (job == null ? "" : job.toLowerCase(Locale.ROOT)) {
                case "anonymize" -> MICRODATA;
                case "aggregate" -> STATISTICS;
                default -> OTHER;
            };
        };
    }
}
