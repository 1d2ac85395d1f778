package io.streamdingo.it.scaleout;

import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.streams.DeliverySemantics;
import io.streamdingo.api.streams.Subscribe;
import io.streamdingo.api.streams.SubscriptionMode;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The consumers {@link ScaleOutIT} spreads over the servers: a consumer group of an exactly-once category, one of
 * an at-least-once category and an exclusive subscription of the exactly-once one, each booking every event it
 * processes in the consumers' own table
 * {@code scale_ledger}, with the server that booked it. Under exactly-once the row is written in the transaction
 * that records the event as processed, so a row that appears twice is an effect that happened twice.
 */
@ApplicationScoped
public class ScaleOutLedger {

    /** The exactly-once category. */
    static final String EXACTLY_ONCE = "scale_eo";
    /** The at-least-once category. */
    static final String AT_LEAST_ONCE = "scale_alo";
    /** The exclusive subscription of the exactly-once category. */
    static final String EXCLUSIVE = "scale-exclusive";

    @Resource(lookup = "jdbc/streamdingo")
    DataSource database;

    private final String server = ConfigProvider.getConfig()
            .getOptionalValue("streamdingo.delivery.member", String.class)
            .orElse("?");

    @Subscribe(value = EXACTLY_ONCE + "-ledger", stream = EXACTLY_ONCE, semantics = DeliverySemantics.EXACTLY_ONCE)
    void exactlyOnce(RecordedEvent event) throws SQLException {
        book(EXACTLY_ONCE + "-ledger", event);
    }

    /** The exactly-once category again, in an exclusive subscription: one server at a time takes every event. */
    @Subscribe(
            value = EXCLUSIVE,
            stream = EXACTLY_ONCE,
            mode = SubscriptionMode.EXCLUSIVE,
            semantics = DeliverySemantics.EXACTLY_ONCE)
    void exclusive(RecordedEvent event) throws SQLException {
        book(EXCLUSIVE, event);
    }

    @Subscribe(value = AT_LEAST_ONCE + "-ledger", stream = AT_LEAST_ONCE)
    void atLeastOnce(RecordedEvent event) throws SQLException {
        book(AT_LEAST_ONCE + "-ledger", event);
    }

    private void book(String subscription, RecordedEvent event) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO scale_ledger"
                        + " (subscription, event_id, stream, version, server) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, subscription);
            insert.setObject(2, event.eventId());
            insert.setString(3, event.streamId().id());
            insert.setLong(4, event.streamVersion());
            insert.setString(5, server);
            insert.executeUpdate();
        }
    }
}
