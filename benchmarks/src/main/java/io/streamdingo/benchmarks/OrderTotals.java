package io.streamdingo.benchmarks;

/**
 * The benchmark's state: what an order's lines add up to.
 *
 * @param lines how many lines were added
 * @param quantity the total quantity
 * @param totalCents the total price in cents
 */
public record OrderTotals(int lines, int quantity, long totalCents) {

    static final OrderTotals EMPTY = new OrderTotals(0, 0, 0);
}
