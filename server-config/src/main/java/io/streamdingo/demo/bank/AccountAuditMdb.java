package io.streamdingo.demo.bank;

import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.spi.ProcessedEvents;
import io.streamdingo.delivery.jms.MessageEvents;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * The audit subscription consumed by a message-driven bean, for those who want one (ST-3): it listens on the
 * subscription's queue ({@code {prefix}.{subscription}}, a shared durable subscription of the stream's address
 * {@code {prefix}.{stream}}), reads the event with
 * {@link MessageEvents} and records it exactly once: the processed-events record and the audit entry share
 * the MDB's container transaction, so a redelivered message is skipped.
 */
@MessageDriven(
        activationConfig = {
            // the subscription's queue is a shared durable subscription on the stream's address, so the MDB's
            // instances share it and message groups keep each account's events in order across them
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
            // jms/accountEvents is the server's jmsTopic for the address streamdingo.account (docs/server.md, Liberty
            // gotchas 5, 6)
            @ActivationConfigProperty(propertyName = "destination", propertyValue = "jms/accountEvents"),
            @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "true"),
            @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
            @ActivationConfigProperty(propertyName = "shareSubscriptions", propertyValue = "true"),
            @ActivationConfigProperty(
                    propertyName = "subscriptionName",
                    propertyValue = "streamdingo." + BankTopology.AUDIT)
        })
public class AccountAuditMdb implements MessageListener {

    @Inject
    MessageEvents events;

    @Inject
    ProcessedEvents processed;

    @Inject
    AuditTrail trail;

    @Override
    public void onMessage(Message message) {
        processed.processOnce(BankTopology.AUDIT, MessageEvents.eventId(message), tx -> {
            for (RecordedEvent event : events.read(message)) {
                trail.record(event);
            }
        });
    }
}
