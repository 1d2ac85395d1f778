package io.streamdingo.delivery.jms;

import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/** A real Artemis broker in the test JVM, reached in-VM; duplicate detection on as by default. */
final class EmbeddedBroker implements AutoCloseable {

    private final EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
    private final String url;

    EmbeddedBroker(int serverId) throws Exception {
        url = "vm://" + serverId;
        broker.setConfiguration(new ConfigurationImpl()
                .setPersistenceEnabled(false)
                .setSecurityEnabled(false)
                .setJournalDirectory("target/artemis-" + serverId)
                .addAcceptorConfiguration("in-vm", url));
        broker.start();
    }

    ActiveMQConnectionFactory connectionFactory() {
        return new ActiveMQConnectionFactory(url);
    }

    org.apache.activemq.artemis.core.server.ActiveMQServer server() {
        return broker.getActiveMQServer();
    }

    @Override
    public void close() throws Exception {
        broker.stop();
    }
}
