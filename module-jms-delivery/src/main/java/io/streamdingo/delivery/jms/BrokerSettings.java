package io.streamdingo.delivery.jms;

import io.streamdingo.api.streams.RetryPolicy;
import io.streamdingo.api.streams.SubscriptionDefinition;
import io.streamdingo.api.streams.Topology;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The broker's address settings for each stream's address (JMS-2, ST-4), set through Artemis's management
 * address with plain Jakarta Messaging: a dead-letter address {@code {prefix}.dead-letters} and an expiry
 * address {@code {prefix}.expired} (Artemis creates a queue per original address under each), and redelivery
 * with backoff and a maximum of attempts from the stream's subscriptions' retry policies. They govern what the
 * broker itself redelivers: message-driven beans that roll back, and messages a crashed consumer held. Artemis
 * keeps settings per address, so a stream whose subscriptions differ gets the most patient of them.
 *
 * <p>A broker that refuses (no {@code manage} permission) or cannot be reached is logged, not fatal: the
 * operator then configures the same settings in {@code broker.xml}.
 */
final class BrokerSettings {

    private static final System.Logger LOG = System.getLogger(BrokerSettings.class.getName());
    /** Artemis's default management address. */
    static final String MANAGEMENT = "activemq.management";

    private static final Duration ANSWER = Duration.ofSeconds(5);

    private final ConnectionFactory connections;
    private final BrokerNames names;

    BrokerSettings(ConnectionFactory connections, BrokerNames names) {
        this.connections = connections;
        this.names = names;
    }

    /** Sets the address settings of every stream of {@code topology}. */
    void apply(Topology topology) {
        for (var stream : topology.streams()) {
            List<RetryPolicy> policies = topology.subscriptions().stream()
                    .filter(s -> s.stream().equals(stream.category()))
                    .map(SubscriptionDefinition::retry)
                    .toList();
            String address = names.address(stream.category());
            try {
                String failure = invoke("addAddressSettings", address, json(policies));
                if (failure != null) {
                    LOG.log(Level.WARNING, "the broker refused the address settings of {0}: {1}", address, failure);
                }
            } catch (JMSException | JMSRuntimeException e) {
                LOG.log(
                        Level.WARNING,
                        "could not set the address settings of {0} ({1}); configure dead-letter, expiry and redelivery"
                                + " settings for it in the broker",
                        address,
                        e.getMessage());
            }
        }
    }

    /** The settings, as Artemis's JSON form of {@code AddressSettings}. */
    String json(List<RetryPolicy> policies) {
        RetryPolicy patient = policies.isEmpty() ? RetryPolicy.defaults() : policies.get(0);
        for (RetryPolicy policy : policies) {
            if (policy.maxAttempts() > patient.maxAttempts()) {
                patient = policy;
            }
        }
        long firstDelay = policies.stream()
                .mapToLong(p -> p.initialBackoff().toMillis())
                .min()
                .orElse(patient.initialBackoff().toMillis());
        return "{\"deadLetterAddress\":\"" + names.prefix() + ".dead-letters\","
                + "\"autoCreateDeadLetterResources\":true,"
                + "\"expiryAddress\":\"" + names.prefix() + ".expired\","
                + "\"autoCreateExpiryResources\":true,"
                + "\"maxDeliveryAttempts\":" + patient.maxAttempts() + ","
                + "\"redeliveryDelay\":" + firstDelay + ","
                + "\"redeliveryMultiplier\":" + String.format(Locale.ROOT, "%.3f", patient.multiplier()) + ","
                + "\"maxRedeliveryDelay\":" + patient.maxBackoff().toMillis() + "}";
    }

    /**
     * Calls a broker operation through the management address; null if it succeeded, else the broker's
     * answer.
     */
    private String invoke(String operation, String... parameters) throws JMSException {
        try (JMSContext context = connections.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            TemporaryQueue replies = context.createTemporaryQueue();
            StringBuilder arguments = new StringBuilder("[");
            for (String parameter : parameters) {
                if (arguments.length() > 1) {
                    arguments.append(',');
                }
                arguments.append(quoted(parameter));
            }
            TextMessage request =
                    context.createTextMessage(arguments.append(']').toString());
            request.setStringProperty("_AMQ_ResourceName", "broker");
            request.setStringProperty("_AMQ_OperationName", operation);
            request.setJMSReplyTo(replies);
            try (JMSConsumer answers = context.createConsumer(replies)) {
                context.createProducer().send(context.createQueue(MANAGEMENT), request);
                Message reply = answers.receive(ANSWER.toMillis());
                if (reply == null) {
                    return "no answer within " + ANSWER;
                }
                return reply.getBooleanProperty("_AMQ_OperationSucceeded")
                        ? null
                        : String.valueOf(reply.getBody(String.class));
            }
        }
    }

    private static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
