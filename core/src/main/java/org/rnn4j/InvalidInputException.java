package org.rnn4j;

/**
 * Input the user can fix: a bad file, option or checkpoint. The message is one line that says what is
 * wrong and what to do; the command line prints it without a stack trace.
 */
public class InvalidInputException extends RuntimeException {

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
