package org.uepdeid.jobs.run;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.uepdeid.jobs.config.ExitCodes;

/**
 * {@code run --from D1 --to D2}: the days in order, published ones skipped, stopping at the first failure so that a
 * scheduler's catch-up never leaves a gap behind a later day. Prints one line per day — done, skipped, failed, not
 * run — and returns the worst day's exit code.
 */
record Backfill(DailyRun daily, PrintWriter out) {

    private static final Logger LOG = LoggerFactory.getLogger(Backfill.class);

    int run(List<LocalDate> dates) {
        out.printf("uep-deid run %s to %s:%n", dates.get(0), dates.get(dates.size() - 1));
        for (int i = 0; i < dates.size(); i++) {
            LocalDate date = dates.get(i);
            try {
                DailyRun.Outcome outcome = daily.run(date, null);
                if (outcome instanceof DailyRun.Published published) {
                    out.printf("  %s  done     release %s (%s)%n", date, published.result().release().id(),
                            published.result().verification().report().summary());
                } else if (outcome instanceof DailyRun.AlreadyPublished skipped) {
                    out.printf("  %s  skipped  release %s stands%n", date, skipped.standing().id());
                }
            } catch (Exception e) {
                int code = ExitCodes.forException(e);
                if (code == ExitCodes.RUNTIME_FAILURE) {
                    LOG.error("run {} failed", date, e);
                }
                out.printf("  %s  failed   exit %d: %s%n", date, code, e.getMessage());
                dates.subList(i + 1, dates.size()).forEach(d -> out.printf("  %s  not run  (stopped at %s)%n", d,
                        date));
                return code;
            }
        }
        return ExitCodes.DONE;
    }
}
