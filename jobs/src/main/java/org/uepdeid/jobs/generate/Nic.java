package org.uepdeid.jobs.generate;

/** A network controller in a device; the MAC address is a direct identifier. */
record Nic(String vendor, String model, String mac) {
}
