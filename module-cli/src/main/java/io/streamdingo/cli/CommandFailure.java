package io.streamdingo.cli;

/**
 * A command could not run, for a reason the operator can act on; the message is printed as the one line the
 * process says before it exits with {@link ExitCodes#COULD_NOT_RUN}.
 */
final class CommandFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CommandFailure(String message) {
        super(message);
    }

    CommandFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
