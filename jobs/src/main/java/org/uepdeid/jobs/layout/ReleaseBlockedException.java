package org.uepdeid.jobs.layout;

/** A release that must not be published (no transformation satisfies the policy, a check failed): exit code 1. */
public class ReleaseBlockedException extends RuntimeException {
    public ReleaseBlockedException(String message) {
        super(message);
    }
}
