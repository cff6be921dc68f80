package org.uepdeid.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One release of a day, as the release log ({@code published/_releases/<id>.json}) records it.
 *
 * @param id               {@code <date>-r<n>}
 * @param created          when it was published, as the log writes it (ISO-8601)
 * @param supersedes       the release it replaced, or {@code null} for a day's first release
 * @param reason           why it replaced one ({@code erasure}, ...), or {@code null} for a day's first release
 * @param verification     what verify concluded ({@code passed}, ...), or {@code null} when the log does not say
 * @param retractionNotice whether {@code published/_retractions/<id>.json} exists
 */
public record Release(String id, LocalDate date, String created, String supersedes, String reason,
                      String verification, List<Output> outputs, boolean retractionNotice) {

    public static final String STANDING = "standing";
    public static final String SUPERSEDED = "superseded";

    /** One published output of the release. */
    public record Output(String product, String kind, String audience, long rows) {
        public Output {
            Require.text("release output product", product);
            kind = kind == null ? "" : kind;
            audience = audience == null ? "" : audience;
            Require.count(product + ": rows", rows);
        }
    }

    public Release {
        Require.text("release id", id);
        Require.present(id + ": date", date);
        if (!id.matches(Pattern.quote(date + "-r") + "[1-9][0-9]{0,8}")) {
            throw new IllegalArgumentException("report: release " + id + " is not a release of " + date
                    + " (ids are <date>-r<n>)");
        }
        Require.text(id + ": created", created);
        outputs = List.copyOf(outputs);
    }

    /** The release's number within its day: 2 for {@code 2026-11-27-r2}. */
    public int number() {
        return Integer.parseInt(id.substring(id.lastIndexOf("-r") + 2));
    }
}
