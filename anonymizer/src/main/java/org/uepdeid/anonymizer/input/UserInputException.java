package org.uepdeid.anonymizer.input;

/**
 * Input the user must fix (a config, a policy, a hierarchy, a request file, a command-line value, a file a command
 * reads): the command line exits 2 and prints the message alone, without a stack trace.
 *
 * <p>The message is all the user gets, so it names what was wrong and where (file, line, key, option) and the value,
 * and it never carries personal data. Anything that is not one of these is a bug or a runtime failure (exit 3, with
 * the stack trace), so an {@link IllegalArgumentException} from a value's own checks is not user input until the code
 * that read the value from the user says so by rethrowing it as this.
 */
public class UserInputException extends RuntimeException {

    public UserInputException(String message) {
        super(message);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
