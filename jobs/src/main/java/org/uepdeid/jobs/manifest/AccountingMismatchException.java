package org.uepdeid.jobs.manifest;

/** A run lost or double-counted input lines: a bug or a changed input, never the user's to fix (exit code 3). */
public final class AccountingMismatchException extends IllegalStateException {

    public AccountingMismatchException(String message) {
        super(message);
    }
}
