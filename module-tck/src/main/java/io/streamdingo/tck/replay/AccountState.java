package io.streamdingo.tck.replay;

import java.util.List;

/**
 * An account as its events rebuild it: the owners' names (personal data, null once forgotten) and the balance.
 *
 * @param owner the first owner's name
 * @param coOwners the names of the owners who joined later
 * @param balance the opening limit plus the deposits
 */
public record AccountState(String owner, List<String> coOwners, long balance) {

    /** The state of an account before its first event. */
    public static final AccountState EMPTY = new AccountState(null, List.of(), 0);
}
