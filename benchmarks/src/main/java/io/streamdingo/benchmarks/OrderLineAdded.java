package io.streamdingo.benchmarks;

import io.streamdingo.api.EventType;
import java.math.BigDecimal;
import java.time.Instant;

/** The benchmark's event: about 200 bytes of JSON. */
@EventType(name = "bench.OrderLineAdded")
public record OrderLineAdded(
        String orderId,
        int line,
        String sku,
        String description,
        int quantity,
        BigDecimal unitPrice,
        String currency,
        Instant addedAt) {

    public static OrderLineAdded sample(int stream, int line) {
        return new OrderLineAdded(
                "order-" + stream,
                line,
                "SKU-" + (100_000 + line * 7),
                "Stainless steel water bottle, 750 ml, matte finish",
                1 + line % 5,
                new BigDecimal("24.90"),
                "EUR",
                Instant.parse("2026-11-23T10:15:30.123456Z").plusSeconds(line));
    }
}
