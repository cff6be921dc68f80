package org.uepdeid.jobs.generate;

/** A partition in a device; a mount point under /media may hold the user name. */
record Partition(String fs, int sizeGb, String mount) {
}
