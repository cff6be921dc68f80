package org.uepdeid.jobs.staging;

import java.util.Arrays;
import java.util.Optional;

/** The event types of schema {@code uep.v1} (UEP-TELEMETRY.md). */
public enum EventType {
    DEVICE_PROFILE("device_profile"),
    APP_SESSION("app_session"),
    LOGIN("login"),
    DOWNLOAD("download");

    private final String code;

    EventType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<EventType> of(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
