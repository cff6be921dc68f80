package org.uepdeid.anonymizer.hierarchy;

/** A hierarchy that cannot be used: the message names the attribute, the source and the offending value. */
public class HierarchyException extends IllegalArgumentException {
    public HierarchyException(String message) {
        super(message);
    }
}
