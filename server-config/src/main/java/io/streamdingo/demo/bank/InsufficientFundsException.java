package io.streamdingo.demo.bank;

import jakarta.ejb.ApplicationException;
import java.math.BigDecimal;

/** A withdrawal larger than the balance. */
@ApplicationException(rollback = true)
public class InsufficientFundsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InsufficientFundsException(String id, BigDecimal balance, BigDecimal amount) {
        super("account " + id + " holds " + balance + ", less than the " + amount + " asked for");
    }
}
