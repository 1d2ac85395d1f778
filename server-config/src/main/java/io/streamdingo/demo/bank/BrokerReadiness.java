package io.streamdingo.demo.bank;

import io.streamdingo.api.spi.DeliveryTransport;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness (OPS-1, JMS-4): the broker answers through the resource adapter, and every subscription queue of
 * StreamDingo's delivery is connected (they reconnect by themselves; until then the server is not ready).
 */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

    @Resource(lookup = "jms/streamdingo")
    ConnectionFactory connections;

    @Inject
    DeliveryTransport delivery;

    @Override
    public HealthCheckResponse call() {
        try (JMSContext jms = connections.createContext()) {
            jms.createProducer();
            return HealthCheckResponse.named("streamdingo-broker")
                    .status(delivery.connected())
                    .withData("connectionFactory", "jms/streamdingo")
                    .withData("subscriptionQueues", delivery.connected() ? "connected" : "reconnecting")
                    .build();
        } catch (JMSRuntimeException | IllegalStateException e) {
            return HealthCheckResponse.named("streamdingo-broker")
                    .down()
                    .withData("reason", String.valueOf(e.getMessage()))
                    .build();
        }
    }
}
