package org.uepdeid.jobs.release;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A release of one day: {@code <date>-r<n>}, {@code n} counting the day's releases from 1. It names the release in the
 * log, in retraction notices and in what recipients receive, so it says nothing but the day and how many came before.
 */
public record ReleaseId(LocalDate date, int sequence) implements Comparable<ReleaseId> {

    private static final Pattern TEXT = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})-r([1-9][0-9]{0,8})");

    public ReleaseId {
        if (date == null) {
            throw new IllegalArgumentException("a release id needs its date");
        }
        if (sequence < 1) {
            throw new IllegalArgumentException("a release's sequence number starts at 1, got " + sequence);
        }
    }

    /** The first release of a day. */
    public static ReleaseId first(LocalDate date) {
        return new ReleaseId(date, 1);
    }

    /** The release that follows this one on the same day. */
    public ReleaseId next() {
        return new ReleaseId(date, sequence + 1);
    }

    /** The id written as {@code text}, or empty when it is not one. */
    public static Optional<ReleaseId> parse(String text) {
        Matcher m = text == null ? null : TEXT.matcher(text);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ReleaseId(LocalDate.parse(m.group(1)), Integer.parseInt(m.group(2))));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @Override
    public int compareTo(ReleaseId other) {
        int byDate = date.compareTo(other.date);
        return byDate != 0 ? byDate : Integer.compare(sequence, other.sequence);
    }

    @Override
    public String toString() {
        return date + "-r" + sequence;
    }
}
