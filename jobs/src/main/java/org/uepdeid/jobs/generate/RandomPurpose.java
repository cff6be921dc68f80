package org.uepdeid.jobs.generate;

/**
 * What a random stream is for: each purpose is an independent stream, so adding draws to one (say, a new
 * hardware field) does not shift the values of another (the day's events).
 */
enum RandomPurpose {
    DEVICE(1),
    DEVICE_ID(2),
    DAY(3),
    EVENT_TIME(4),
    EVENT_BODY(5),
    EVENT_ID(6),
    DEFECT(7),
    APP_VERSION(8),
    IP_ADDRESS(9),
    BAD_LINES(10);

    // Explicit keys, not ordinals: reordering the constants must not change generated data.
    private final long key;

    RandomPurpose(long key) {
        this.key = key;
    }

    long key() {
        return key;
    }
}
