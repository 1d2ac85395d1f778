package io.streamdingo.demo.bank;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The broker connection StreamDingo's delivery uses: a plain Artemis client connection to the broker the
 * resource adapter also talks to. The delivery's long-lived consumers run on managed threads outside any
 * container transaction and acknowledge message by message, which the resource adapter's managed connections
 * do not allow; message-driven beans keep using the resource adapter. {@code streamdingo.demo.broker.url}, an
 * Artemis client URL, points it at a cluster instead (the scale-out profile).
 */
@ApplicationScoped
public class BrokerConnection {

    @Produces
    @Singleton
    ConnectionFactory streamDingoBroker() {
        var config = ConfigProvider.getConfig();
        // a cluster names all its brokers, e.g. (tcp://a:61616,tcp://b:61616)?ha=true&reconnectAttempts=-1
        var url = config.getOptionalValue("streamdingo.demo.broker.url", String.class);
        if (url.isPresent()) {
            return new ActiveMQConnectionFactory(url.get());
        }
        String host = config.getOptionalValue("broker.host", String.class).orElse("127.0.0.1");
        int port = config.getOptionalValue("streamdingo.demo.broker.port", Integer.class)
                .orElse(61616);
        // reconnect by itself, forever, when the broker restarts (JMS-4)
        return new ActiveMQConnectionFactory("tcp://" + host + ":" + port + "?reconnectAttempts=-1&retryInterval=500");
    }

    void close(@Disposes ConnectionFactory connections) {
        ((ActiveMQConnectionFactory) connections).close();
    }
}
