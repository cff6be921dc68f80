package org.uepdeid.jobs.generate;

import java.util.Optional;

/**
 * One line to write for a device-day: which event (type, index, time), its outcome and, for a bad line, its
 * defect. The event index keys the event's random streams, so a line renders the same way every time.
 */
record LinePlan(int eventIndex, EventType type, long epochSecond, Outcome outcome, Optional<LineDefect> defect) {

    LinePlan {
        // A child's spoiled line can still be a minor's (see Outcome); any other spoiled line is bad.
        if (defect.isPresent() != (outcome == Outcome.BAD) && !(defect.isPresent() && outcome == Outcome.MINOR)) {
            throw new IllegalArgumentException(
                    "a line has a defect exactly when it is bad or a child's: " + outcome + ", " + defect);
        }
    }

    /** The summary's name for this kind of line: the event type when accepted, else outcome or defect. */
    String kind() {
        return switch (outcome) {
            case ACCEPTED -> type.wireName();
            case BAD -> "bad." + defect.orElseThrow().code();
            default -> outcome.label();
        };
    }
}
