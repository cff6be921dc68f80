package org.uepdeid.jobs.aggregate;

import java.time.LocalDate;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.uepdeid.jobs.staging.StagingEvents;
import org.uepdeid.jobs.layout.DataRoot;

/** A staging dataset the aggregate products read, with the columns they rely on and the job that writes it. */
enum StagingInput {

    EVENTS("ingest", List.of(StagingEvents.DEVICE_PSEUDONYM, StagingEvents.EVENT_TYPE)),
    PROFILES("profile", List.of(StagingEvents.DEVICE_PSEUDONYM)),
    /** Written by anonymize: besides these two, one column per quasi-identifier holding its generalized label. */
    CLASSES("anonymize", List.of(StagingEvents.DEVICE_PSEUDONYM, StagingInput.SUPPRESSED));

    /** The classes' flag for a device the anonymization suppressed: all its labels count as {@code *}. */
    static final String SUPPRESSED = "suppressed";

    private final String writtenBy;
    private final List<String> requiredColumns;

    StagingInput(String writtenBy, List<String> requiredColumns) {
        this.writtenBy = writtenBy;
        this.requiredColumns = requiredColumns;
    }

    /** The job to run first when this input is missing. */
    String writtenBy() {
        return writtenBy;
    }

    List<String> requiredColumns() {
        return requiredColumns;
    }

    Path path(DataRoot root, LocalDate date) {
        return switch (this) {
            case EVENTS -> root.stagingEvents(date);
            case PROFILES -> root.stagingProfiles(date);
            case CLASSES -> root.stagingClasses(date);
        };
    }
}
