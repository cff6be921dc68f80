package org.uepdeid.jobs.generate;

/** A synthetic device: everything about it that does not change from day to day. */
record Device(long index, String deviceId, Hardware hardware, Installation installation, Owner owner, Habits habits) {
}
