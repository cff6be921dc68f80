package org.uepdeid.jobs.generate;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;

/** China Standard Time (UTC+08:00, no daylight saving): day boundaries and ISO-8601 timestamps with offset. */
final class ChinaTime {

    static final ZoneOffset OFFSET = ZoneOffset.ofHours(8);
    static final long SECONDS_PER_DAY = 86_400L;

    private ChinaTime() {
    }

    /** The epoch second at which {@code day} starts in China. */
    static long startOf(LocalDate day) {
        return day.toEpochSecond(LocalTime.MIDNIGHT, OFFSET);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss+08:00}; built by hand because it runs several times per generated line. */
    static String format(long epochSecond) {
        long local = epochSecond + OFFSET.getTotalSeconds();
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(local, SECONDS_PER_DAY));
        int secondOfDay = (int) Math.floorMod(local, SECONDS_PER_DAY);
        StringBuilder text = new StringBuilder(25);
        pad(text, date.getYear(), 4).append('-');
        pad(text, date.getMonthValue(), 2).append('-');
        pad(text, date.getDayOfMonth(), 2).append('T');
        pad(text, secondOfDay / 3600, 2).append(':');
        pad(text, secondOfDay / 60 % 60, 2).append(':');
        pad(text, secondOfDay % 60, 2);
        return text.append("+08:00").toString();
    }

    private static StringBuilder pad(StringBuilder text, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        return text.append(digits);
    }
}
