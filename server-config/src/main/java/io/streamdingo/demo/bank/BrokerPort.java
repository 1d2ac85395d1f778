package io.streamdingo.demo.bank;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;

/**
 * Who holds the demo broker's port on 127.0.0.1: nobody (start the embedded broker), an Artemis broker (another
 * application on this server started it: use it), or some other program, which the demo must not mistake for
 * a broker (it would wait for it for minutes and hang requests).
 */
enum BrokerPort {
    FREE,
    ARTEMIS,
    SOMETHING_ELSE;

    /** How long a broker has to answer a session request before the port counts as held by something else. */
    private static final int ANSWER_MILLIS = 3_000;

    static BrokerPort probe(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        } catch (IOException e) {
            return FREE;
        }
        return speaksArtemis(port) ? ARTEMIS : SOMETHING_ELSE;
    }

    /** Opens and closes a core session: only an Artemis broker answers that within the timeout. */
    private static boolean speaksArtemis(int port) {
        try (ServerLocator locator = ActiveMQClient.createServerLocator("tcp://127.0.0.1:" + port)
                        .setCallTimeout(ANSWER_MILLIS)
                        .setCallFailoverTimeout(ANSWER_MILLIS)
                        .setConnectionTTL(ANSWER_MILLIS * 2L)
                        .setInitialConnectAttempts(1)
                        .setReconnectAttempts(0);
                ClientSessionFactory factory = locator.createSessionFactory();
                ClientSession session = factory.createSession()) {
            return session != null;
        } catch (Exception e) {
            return false;
        }
    }

    /** The message for {@link #SOMETHING_ELSE}: the port, and the server variable that moves the broker. */
    static String takenMessage(int port) {
        return "127.0.0.1:" + port + " is taken by a program that is not an ActiveMQ Artemis broker, so the demo"
                + " cannot start its embedded broker there: stop that program, or start the demo with another"
                + " port for the broker, e.g. -Dliberty.var.broker.port=" + (port + 1) + " (server variable"
                + " broker.port)";
    }
}
