package org.uepdeid.jobs.generate;

/** One desktop preference of a device: a dotted key such as {@code dock.size} and its value as text. */
record Preference(String key, String value) {
}
