package org.uepdeid.reports;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The releases of the days up to the report's: each published day's figures and the release log's entries for the
 * window {@code [from, to]}. A day of the window that is in neither had no release.
 *
 * @param days     days with published device profiles, by date
 * @param releases the release log's entries of the window, by date and number
 */
public record History(LocalDate from, LocalDate to, List<PublishedDay> days, List<Release> releases) {

    /** How many days, the report's included, the history covers. */
    public static final int DAYS = 30;

    public History {
        Require.present("history: first day", from);
        Require.present("history: last day", to);
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("report: history from " + from + " to " + to + " ends before it starts");
        }
        days = days.stream().sorted(Comparator.comparing(PublishedDay::date)).toList();
        for (int i = 0; i < days.size(); i++) {
            LocalDate date = days.get(i).date();
            if (date.isBefore(from) || date.isAfter(to)) {
                throw new IllegalArgumentException("report: published day " + date + " lies outside the history "
                        + from + " to " + to);
            }
            if (i > 0 && date.equals(days.get(i - 1).date())) {
                throw new IllegalArgumentException("report: published day " + date + " appears twice");
            }
        }
        releases = releases.stream().sorted(Comparator.comparing(Release::date).thenComparing(Release::number))
                .toList();
        for (Release release : releases) {
            if (release.date().isBefore(from) || release.date().isAfter(to)) {
                throw new IllegalArgumentException("report: release " + release.id() + " lies outside the history "
                        + from + " to " + to);
            }
        }
    }

    /** The days of the window, first to last. */
    public List<LocalDate> dates() {
        return from.datesUntil(to.plusDays(1)).toList();
    }

    /** How many days the window has. */
    public int length() {
        return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }

    public Optional<PublishedDay> day(LocalDate date) {
        return days.stream().filter(d -> d.date().equals(date)).findFirst();
    }

    /** The release log's entries of {@code date}, first release first. */
    public List<Release> releasesOn(LocalDate date) {
        return releases.stream().filter(r -> r.date().equals(date)).toList();
    }

    /** Whether a release stands according to the log itself: no other release supersedes it. */
    public boolean standing(Release release) {
        return releases.stream().noneMatch(r -> release.id().equals(r.supersedes()));
    }
}
