package org.uepdeid.jobs.generate;

import java.time.LocalDate;
import java.util.List;

/** The installed system of a device: build, locale, preferences, and when it installs updates. */
record Installation(OsBuild os, String edition, String kernel, String language, String timezone,
                    List<Preference> preferences, int updateCadenceDays, int updatePhase) {

    /** The latest update on or before {@code day}: one every {@code updateCadenceDays}, shifted by the phase. */
    LocalDate lastUpdateOn(LocalDate day) {
        long epochDay = day.toEpochDay();
        return LocalDate.ofEpochDay(epochDay - Math.floorMod(epochDay - updatePhase, updateCadenceDays));
    }
}
