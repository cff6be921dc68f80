package org.uepdeid.jobs.generate;

import java.util.stream.IntStream;

/** When in the China-time day things happen: logins peak in the morning and evening, app use in office hours. */
enum DailyRhythm {
    //     00   01   02   03   04   05   06   07   08   09  10  11  12  13  14  15  16  17  18  19  20  21  22   23
    LOGIN(1.0, 0.5, 0.3, 0.2, 0.2, 0.4, 1.5, 5.0, 10., 8., 4., 3., 3., 4., 4., 3., 3., 3., 5., 8., 9., 7., 4., 2.0),
    ACTIVITY(.5, 0.3, 0.2, 0.1, 0.1, 0.2, 0.5, 1.5, 5.0, 8., 9., 8., 5., 6., 8., 8., 7., 6., 4., 5., 6., 5., 3., 1.5);

    private final WeightedChoice<Integer> hours;

    DailyRhythm(double... weightByHour) {
        this.hours = WeightedChoice.of(IntStream.range(0, 24).boxed().toList(), weightByHour);
    }

    static DailyRhythm of(EventType type) {
        return type == EventType.LOGIN || type == EventType.DEVICE_PROFILE ? LOGIN : ACTIVITY;
    }

    /** A second of the day, 0 to 86 399. */
    int secondOfDay(SeededRandom random) {
        return hours.pick(random) * 3600 + random.nextInt(3600);
    }
}
