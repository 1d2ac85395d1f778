package io.streamdingo.demo.bank;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.Extension;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnector;

/**
 * Stops the Artemis client's global thread pools when the application stops. The application bundles the
 * client (for StreamDingo's own consumers and the embedded broker); its shared Netty event loops otherwise
 * shut down some seconds after the last connection closed, when the server has already removed the
 * application's jars, and every loop then fails to load a class (Liberty's CWWKL0002E and
 * {@code ClassFormatError} traces in messages.log). {@link BeforeShutdown} comes after every context, with
 * every connection, was destroyed, while the application's class loader still works.
 */
public class ArtemisClientShutdown implements Extension {

    void stopClientThreads(@Observes BeforeShutdown shutdown) {
        NettyConnector.clearThreadPools();
        ActiveMQClient.clearThreadPools();
    }
}
