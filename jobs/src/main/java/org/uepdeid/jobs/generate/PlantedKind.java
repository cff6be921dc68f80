package org.uepdeid.jobs.generate;

import java.util.Locale;

/** The kinds of personal data the generator plants, named as the planted-values list names them. */
public enum PlantedKind {
    DEVICE_ID, IP, USERNAME, HOSTNAME, WALLPAPER, MAC, BOARD_SERIAL, BIOS_SERIAL, DISK_SERIAL,
    EMAIL, MOBILE, RESIDENT_ID;

    /** The lower-case name used in files: {@code device_id}, {@code resident_id}... */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
