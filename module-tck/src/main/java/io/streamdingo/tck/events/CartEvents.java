package io.streamdingo.tck.events;

import io.streamdingo.api.EventType;

/** Record-based events of a shopping cart. */
public final class CartEvents {

    private CartEvents() {}

    /** An item was put in the cart. */
    @EventType(name = "tck.ItemAdded")
    public record ItemAdded(String sku, int quantity) {}

    /** An item was taken out of the cart. */
    @EventType(name = "tck.ItemRemoved")
    public record ItemRemoved(String sku) {}

    /** A free-text note, used where a payload of a chosen size is needed. */
    @EventType(name = "tck.NoteAdded")
    public record NoteAdded(String text) {}

    /** A record the suites never register: appending it must fail. */
    public record NotRegistered(String value) {}
}
