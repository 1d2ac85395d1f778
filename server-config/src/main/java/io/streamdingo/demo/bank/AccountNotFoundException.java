package io.streamdingo.demo.bank;

import jakarta.ejb.ApplicationException;

/** No account has this id. */
@ApplicationException(rollback = true)
public class AccountNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AccountNotFoundException(String id) {
        super("there is no account " + id + "; open one with POST /api/accounts");
    }
}
