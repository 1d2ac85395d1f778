package io.streamdingo.tck.events;

import io.streamdingo.api.EventType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** A class-based (not record) event with a no-argument constructor and setters, as older code bases write them. */
@EventType(name = "tck.CartCheckedOut")
public class CartCheckedOut {

    private String orderNumber;
    private BigDecimal total;
    private Instant paidAt;

    public CartCheckedOut() {}

    public CartCheckedOut(String orderNumber, BigDecimal total, Instant paidAt) {
        this.orderNumber = orderNumber;
        this.total = total;
        this.paidAt = paidAt;
    }

    public String getOrderNumber() {
        return orderNumber;
    }

    public void setOrderNumber(String orderNumber) {
        this.orderNumber = orderNumber;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public void setTotal(BigDecimal total) {
        this.total = total;
    }

    public Instant getPaidAt() {
        return paidAt;
    }

    public void setPaidAt(Instant paidAt) {
        this.paidAt = paidAt;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CartCheckedOut that
                && Objects.equals(orderNumber, that.orderNumber)
                && Objects.equals(total, that.total)
                && Objects.equals(paidAt, that.paidAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(orderNumber, total, paidAt);
    }
}
