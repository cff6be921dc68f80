package org.uepdeid.anonymizer.input;

/** A JSON or YAML document that cannot be used: the message names the document, the key path and the value. */
public final class DocumentException extends UserInputException {

    DocumentException(String message) {
        super(message);
    }

    DocumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
