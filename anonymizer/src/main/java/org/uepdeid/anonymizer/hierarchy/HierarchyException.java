package org.uepdeid.anonymizer.hierarchy;

import org.uepdeid.anonymizer.input.UserInputException;

/** A hierarchy that cannot be used: the message names the attribute, the source and the offending value. */
public class HierarchyException extends UserInputException {
    public HierarchyException(String message) {
        super(message);
    }

    public HierarchyException(String message, Throwable cause) {
        super(message, cause);
    }

    /** One wording for every problem found in a hierarchy, so messages read alike whichever step found it. */
    static HierarchyException in(String attribute, String source, String problem) {
        return new HierarchyException("hierarchy of '" + attribute + "' from " + source + ": " + problem);
    }
}
