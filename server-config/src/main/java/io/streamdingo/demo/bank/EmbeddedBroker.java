package io.streamdingo.demo.bank;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.lang.System.Logger.Level;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The demo's zero-setup broker: ActiveMQ Artemis inside the server's JVM, persistent (journal under the
 * server's output folder, so messages survive a restart), listening on 127.0.0.1 for the resource adapter.
 * One per server: if an Artemis broker already holds the port (another application on this server started
 * it), it is used as it is; if something else holds it, the application fails to start, naming the port and
 * the server variable that moves the broker.
 * Production points the resource adapter at a standalone broker or cluster instead.
 */
@ApplicationScoped
public class EmbeddedBroker {

    static final String TRANSFER_NOTICES = "bank.transfer-notices";
    private static final System.Logger LOG = System.getLogger(EmbeddedBroker.class.getName());

    private EmbeddedActiveMQ broker;

    // before StreamDingo's own start-up observers (consumers, relay), which connect to it
    void start(
            @Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class)
                    Object started)
            throws Exception {
        Config config = ConfigProvider.getConfig();
        if (!config.getOptionalValue("streamdingo.demo.broker.embedded", Boolean.class)
                .orElse(true)) {
            return;
        }
        int port = config.getOptionalValue("streamdingo.demo.broker.port", Integer.class)
                .orElse(61616);
        switch (BrokerPort.probe(port)) {
            case ARTEMIS -> {
                LOG.log(Level.INFO, "an Artemis broker already listens on 127.0.0.1:{0}; using it", port);
                return;
            }
            case SOMETHING_ELSE -> throw new IllegalStateException(BrokerPort.takenMessage(port));
            case FREE -> {
                // start ours below
            }
        }
        String dataDir = config.getOptionalValue("streamdingo.demo.broker.data-dir", String.class)
                .orElse("artemis-data");
        ConfigurationImpl configuration = new ConfigurationImpl();
        configuration.setPersistenceEnabled(true);
        configuration.setSecurityEnabled(false);
        configuration.setJournalDirectory(dataDir + "/journal");
        configuration.setBindingsDirectory(dataDir + "/bindings");
        configuration.setLargeMessagesDirectory(dataDir + "/large-messages");
        configuration.setPagingDirectory(dataDir + "/paging");
        // Where the native (AIO) journal is unavailable, Artemis writes with NIO and syncs at most every 3.3 ms:
        // each persistent send or acknowledgement then waits up to that long. AIO's 0.5 ms keeps the relay's
        // and consumers' commits in the milliseconds (at most ~2,000 journal syncs per second).
        configuration.setJournalBufferTimeout_NIO(500_000);
        configuration.addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port);
        // a message that keeps failing goes to DLQ after five deliveries with growing delays, not round forever
        configuration.addAddressSetting(
                "#",
                new AddressSettings()
                        .setDeadLetterAddress(SimpleString.of("DLQ"))
                        .setExpiryAddress(SimpleString.of("ExpiryQueue"))
                        .setMaxDeliveryAttempts(5)
                        .setRedeliveryDelay(500)
                        .setRedeliveryMultiplier(2.0));
        for (String queue : new String[] {TRANSFER_NOTICES, "DLQ", "ExpiryQueue"}) {
            configuration.addQueueConfiguration(QueueConfiguration.of(queue).setRoutingType(RoutingType.ANYCAST));
        }
        broker = new EmbeddedActiveMQ();
        broker.setConfiguration(configuration);
        broker.start();
        LOG.log(Level.INFO, "embedded Artemis broker started on 127.0.0.1:{0}, journal in {1}", port, dataDir);
    }

    @PreDestroy
    void stop() {
        if (broker != null) {
            try {
                broker.stop();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "embedded broker did not stop cleanly", e);
            }
        }
    }
}
