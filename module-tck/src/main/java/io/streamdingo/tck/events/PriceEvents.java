package io.streamdingo.tck.events;

import io.streamdingo.api.EventType;
import io.streamdingo.api.Upcast;
import io.streamdingo.api.spi.Upcaster;
import java.math.BigDecimal;
import java.util.List;

/**
 * Three schema versions of one event type, {@code tck.PriceSet}, and events that upcasters split or drop.
 * V1 → V2 is a static {@link Upcast} method; V2 → V3 is a registered {@link Upcaster}: one chain, both
 * declaration styles.
 */
public final class PriceEvents {

    private PriceEvents() {}

    /** Version 1: a price in euro cents. */
    @EventType(name = "tck.PriceSet", version = 1)
    public record PriceSetV1(String sku, int cents) {}

    /** Version 2: the currency became explicit. */
    @EventType(name = "tck.PriceSet", version = 2)
    public record PriceSetV2(String sku, long cents, String currency) {

        @Upcast
        static PriceSetV2 from(PriceSetV1 old) {
            return new PriceSetV2(old.sku(), old.cents(), "EUR");
        }
    }

    /** Version 3, the newest: a decimal amount. */
    @EventType(name = "tck.PriceSet", version = 3)
    public record PriceSet(String sku, BigDecimal amount, String currency) {}

    /** The registered upcaster from version 2 to version 3. */
    public static final Upcaster<PriceSetV2> V2_TO_V3 = Upcaster.of(
            PriceSetV2.class,
            old -> new PriceSet(old.sku(), BigDecimal.valueOf(old.cents()).movePointLeft(2), old.currency()));

    /** An old event that held two facts at once; now split in two. */
    @EventType(name = "tck.ContactChanged", version = 1)
    public record ContactChangedV1(String email, String phone) {}

    /** The first half of a split {@link ContactChangedV1}. */
    @EventType(name = "tck.EmailChanged")
    public record EmailChanged(String email) {}

    /** The second half of a split {@link ContactChangedV1}. */
    @EventType(name = "tck.PhoneChanged")
    public record PhoneChanged(String phone) {}

    /** Splits {@link ContactChangedV1} into an email and a phone change. */
    public static final Upcaster<ContactChangedV1> SPLIT_CONTACT = Upcaster.split(
            ContactChangedV1.class, old -> List.of(new EmailChanged(old.email()), new PhoneChanged(old.phone())));

    /** A heartbeat that was once stored as an event and no longer means anything. */
    @EventType(name = "tck.LegacyPing", version = 1)
    public record LegacyPing(long sentAt) {}

    /** Drops every {@link LegacyPing}. */
    public static final Upcaster<LegacyPing> DROP_PING = Upcaster.split(LegacyPing.class, old -> List.of());
}
