package io.streamdingo.demo.bank;

import io.streamdingo.api.EventMetadata;
import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.demo.bank.BankEvents.TransferNoticed;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.math.BigDecimal;

/**
 * Receives the notice a transfer sends in its own transaction and records it on the receiving account's
 * notice stream, in the MDB's container transaction. A message arrives only if the transfer committed.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "destination", propertyValue = "jms/transferNotices"),
            // without it Artemis would listen on a queue literally named "jms/transferNotices" (docs/server.md, Liberty
            // gotcha 6)
            @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "true")
        })
public class TransferNoticeMdb implements MessageListener {

    @Inject
    EventStore store;

    @Override
    public void onMessage(Message message) {
        try {
            String to = message.getStringProperty("to");
            TransferNoticed notice = new TransferNoticed(
                    message.getStringProperty("from"), new BigDecimal(message.getStringProperty("amount")));
            // the notice continues the transfer's workflow: same correlation id, caused by the message
            EventMetadata workflow = EventMetadata.empty()
                    .withCorrelationId(message.getJMSCorrelationID())
                    .withCausationId(message.getJMSMessageID());
            store.append(StreamId.of("notice", to), ExpectedVersion.any(), NewEvent.of(notice, workflow));
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read transfer notice " + messageId(message), e);
        }
    }

    private static String messageId(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return "(no id)";
        }
    }
}
