package org.uepdeid.jobs.generate;

/** The event types of UEP telemetry, with their names on the wire. */
enum EventType {
    DEVICE_PROFILE("device_profile"),
    APP_SESSION("app_session"),
    LOGIN("login"),
    DOWNLOAD("download");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }
}
