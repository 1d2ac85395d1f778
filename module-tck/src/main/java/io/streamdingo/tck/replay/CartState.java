package io.streamdingo.tck.replay;

/**
 * An immutable cart state.
 *
 * @param items the quantity added so far
 * @param removals how many removals were applied
 */
public record CartState(int items, int removals) {

    /** The state of a cart before its first event. */
    public static final CartState EMPTY = new CartState(0, 0);
}
