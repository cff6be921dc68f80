package org.uepdeid.jobs.generate;

/** A disk in a device; the serial is a direct identifier. */
record Disk(String model, String serial, int sizeGb, String type) {
}
