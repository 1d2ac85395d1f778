package io.streamdingo.demo.bank;

import jakarta.ejb.ApplicationException;

/**
 * The client's bad input found inside the bank's enterprise bean (an invalid account id, a transfer to the
 * same account): answered 400 like any {@link IllegalArgumentException}. Declared an application exception so
 * that the caller gets it as itself and the container does not log it as a system failure.
 */
@ApplicationException(rollback = true)
public class InvalidRequestException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String message) {
        super(message);
    }
}
