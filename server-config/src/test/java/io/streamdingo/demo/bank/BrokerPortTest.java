package io.streamdingo.demo.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.Test;

/** The demo tells its own kind of broker from another program holding the port. */
class BrokerPortTest {

    @Test
    void aPortNobodyHoldsIsFree() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }

        assertThat(BrokerPort.probe(port)).isEqualTo(BrokerPort.FREE);
    }

    @Test
    void aProgramThatAcceptsButIsNoBrokerIsSomethingElse() throws Exception {
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket impostor = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(impostor.accept()); // reads nothing, answers nothing
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.start();

            assertThat(BrokerPort.probe(impostor.getLocalPort())).isEqualTo(BrokerPort.SOMETHING_ELSE);
        } finally {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    void anArtemisBrokerIsRecognised() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        ConfigurationImpl configuration = new ConfigurationImpl();
        configuration.setPersistenceEnabled(false);
        configuration.setSecurityEnabled(false);
        configuration.addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port);
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
        broker.setConfiguration(configuration);
        broker.start();
        try {
            assertThat(BrokerPort.probe(port)).isEqualTo(BrokerPort.ARTEMIS);
        } finally {
            broker.stop();
        }
    }

    @Test
    void theMessageForATakenPortNamesThePortAndTheServerVariable() {
        assertThat(BrokerPort.takenMessage(61616))
                .contains("127.0.0.1:61616")
                .contains("not an ActiveMQ Artemis broker")
                .contains("-Dliberty.var.broker.port=61617")
                .contains("broker.port");
    }
}
