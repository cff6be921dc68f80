package org.uepdeid.jobs.verify;

import java.time.LocalDate;
import org.uepdeid.jobs.manifest.RunManifest;

/**
 * One published folder under verification.
 *
 * @param target          the output's name relative to {@code published/}, without the date
 *                        ({@code microdata/device_profiles}, {@code stats/os_adoption})
 * @param kind            what it holds
 * @param date            the day it belongs to
 * @param location        where its files are now: the published folder, or the temporary one {@code run} verifies
 *                        before publishing it
 * @param manifest        its {@code _manifest.json}, or null when there is none that can be read
 * @param manifestProblem why there is no manifest, or null
 */
public record PublishedOutput(String target, OutputKind kind, LocalDate date, org.apache.hadoop.fs.Path location,
                              RunManifest manifest, String manifestProblem) {

    public PublishedOutput {
        if ((manifest == null) == (manifestProblem == null)) {
            throw new IllegalArgumentException(target + ": either a manifest or the reason it is missing");
        }
    }

    boolean hasManifest() {
        return manifest != null;
    }
}
