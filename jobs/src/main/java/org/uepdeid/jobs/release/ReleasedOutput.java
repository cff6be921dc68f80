package org.uepdeid.jobs.release;

import java.util.List;

/**
 * One output of a release.
 *
 * @param path     its folder relative to the data root ({@code published/stats/os_adoption/dt=2026-11-27})
 * @param product  {@code device_profiles} or the statistics product's name
 * @param kind     {@code microdata} or {@code statistics}
 * @param audience who may receive it
 * @param rows     its published rows (records or cells)
 * @param files    every file of the folder, with its length and SHA-256
 */
public record ReleasedOutput(String path, String product, String kind, Audience audience, long rows,
                             List<ReleasedFile> files) {

    public static final String MICRODATA = "microdata";
    public static final String STATISTICS = "statistics";

    public ReleasedOutput {
        if (path == null || !path.startsWith("published/")) {
            throw new IllegalArgumentException("a released output lies under published/, got " + path);
        }
        if (!MICRODATA.equals(kind) && !STATISTICS.equals(kind)) {
            throw new IllegalArgumentException(path + ": kind must be " + MICRODATA + " or " + STATISTICS);
        }
        if (audience == null) {
            throw new IllegalArgumentException(path + ": the audience is missing");
        }
        files = List.copyOf(files);
    }
}
