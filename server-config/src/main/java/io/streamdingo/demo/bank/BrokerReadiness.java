package io.streamdingo.demo.bank;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness (OPS-1): the broker answers through the resource adapter. */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

    @Resource(lookup = "jms/streamdingo")
    ConnectionFactory connections;

    @Override
    public HealthCheckResponse call() {
        try (JMSContext jms = connections.createContext()) {
            jms.createProducer();
            return HealthCheckResponse.named("streamdingo-broker")
                    .up()
                    .withData("connectionFactory", "jms/streamdingo")
                    .build();
        } catch (JMSRuntimeException | IllegalStateException e) {
            return HealthCheckResponse.named("streamdingo-broker")
                    .down()
                    .withData("reason", String.valueOf(e.getMessage()))
                    .build();
        }
    }
}
