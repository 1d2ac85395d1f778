package io.streamdingo.benchmarks;

import io.streamdingo.api.replay.EventHandler;
import io.streamdingo.api.replay.InitialState;

/** The benchmark's pure handlers. */
public final class OrderHandlers {

    private OrderHandlers() {}

    @InitialState
    public static OrderTotals initial() {
        return OrderTotals.EMPTY;
    }

    @EventHandler
    public static OrderTotals lineAdded(OrderTotals order, OrderLineAdded line) {
        long lineCents = line.unitPrice().unscaledValue().longValue() * line.quantity();
        return new OrderTotals(order.lines() + 1, order.quantity() + line.quantity(), order.totalCents() + lineCents);
    }
}
