package io.streamdingo.delivery.jms;

import java.nio.file.Path;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.jspecify.annotations.Nullable;

/**
 * A real Artemis broker in the test JVM, reached in-VM; duplicate detection on as by default. A broker with a
 * data folder keeps its journal there (persistent messages survive {@link #restart}); one without keeps
 * everything in memory.
 */
final class EmbeddedBroker implements AutoCloseable {

    private final String url;
    private final @Nullable Path data;
    private final int tcpPort;
    private final @Nullable ClusterPeer peer;
    private final @Nullable Replication replication;
    private EmbeddedActiveMQ broker;

    /**
     * How a node joins a two-broker cluster: where the other node listens, and whether this node decides which
     * node serves a message group (the cluster's one LOCAL grouping handler) or asks the other (REMOTE).
     */
    record ClusterPeer(int tcpPort, boolean decidesGroups) {}

    /**
     * How a node joins a replicated pair: where the other node listens, and whether this one is the backup,
     * which keeps a copy of the primary's journal over the network and becomes live when the primary dies.
     */
    record Replication(int peerPort, boolean backup) {}

    EmbeddedBroker(int serverId) throws Exception {
        this(serverId, null);
    }

    EmbeddedBroker(int serverId, @Nullable Path data) throws Exception {
        this(serverId, data, 0);
    }

    /** A broker also reached over TCP on 127.0.0.1:{@code tcpPort}, by other processes; no TCP if 0. */
    EmbeddedBroker(int serverId, @Nullable Path data, int tcpPort) throws Exception {
        this(serverId, data, tcpPort, (ClusterPeer) null);
    }

    /**
     * A node of a two-broker cluster, as a production cluster of standalone brokers is configured: a cluster
     * connection to {@code peer} with messages moved on demand to the node whose consumers want them,
     * redistribution when a node's consumers go, and a grouping handler so that each stream's message group is
     * served on one node only.
     */
    EmbeddedBroker(int serverId, Path data, int tcpPort, @Nullable ClusterPeer peer) throws Exception {
        this.url = "vm://" + serverId;
        this.data = data;
        this.tcpPort = tcpPort;
        this.peer = peer;
        this.replication = null;
        start();
    }

    /** A node of a replicated pair (persistent, its journal under {@code data}). */
    EmbeddedBroker(int serverId, Path data, int tcpPort, Replication replication) throws Exception {
        this.url = "vm://" + serverId;
        this.data = data;
        this.tcpPort = tcpPort;
        this.peer = null;
        this.replication = replication;
        start();
    }

    /** A TCP port nobody listens on right now. */
    static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Where other processes reach it. */
    String tcpUrl() {
        return "tcp://127.0.0.1:" + tcpPort;
    }

    private void start() throws Exception {
        Configuration configuration = new ConfigurationImpl()
                .setPersistenceEnabled(data != null)
                .setSecurityEnabled(false)
                .addAcceptorConfiguration("in-vm", url);
        if (tcpPort != 0) {
            configuration.addAcceptorConfiguration("tcp", tcpUrl());
        }
        if (peer != null) {
            cluster(configuration, peer);
        }
        if (replication != null) {
            replicate(configuration, replication);
        }
        if (data != null) {
            configuration
                    .setJournalDirectory(data.resolve("journal").toString())
                    .setBindingsDirectory(data.resolve("bindings").toString())
                    .setPagingDirectory(data.resolve("paging").toString())
                    .setLargeMessagesDirectory(data.resolve("large").toString());
        }
        broker = new EmbeddedActiveMQ();
        broker.setConfiguration(configuration);
        broker.start();
    }

    private void cluster(Configuration configuration, ClusterPeer peer) throws Exception {
        joinCluster(
                configuration,
                peer.tcpPort(),
                org.apache.activemq.artemis.core.server.cluster.impl.MessageLoadBalancingType.ON_DEMAND);
        configuration
                .setGroupingHandlerConfiguration(
                        new org.apache.activemq.artemis.core.server.group.impl.GroupingHandlerConfiguration()
                                .setName(org.apache.activemq.artemis.api.core.SimpleString.of("streams"))
                                .setType(
                                        peer.decidesGroups()
                                                ? org.apache.activemq.artemis.core.server.group.impl
                                                        .GroupingHandlerConfiguration.TYPE
                                                        .LOCAL
                                                : org.apache.activemq.artemis.core.server.group.impl
                                                        .GroupingHandlerConfiguration.TYPE
                                                        .REMOTE)
                                .setAddress(org.apache.activemq.artemis.api.core.SimpleString.of(""))
                                .setTimeout(5_000))
                .addAddressSetting(
                        "#",
                        new org.apache.activemq.artemis.core.settings.impl.AddressSettings().setRedistributionDelay(0));
    }

    /** A cluster connection to the broker on {@code peerPort}, which clustering and replication both need. */
    private void joinCluster(
            Configuration configuration,
            int peerPort,
            org.apache.activemq.artemis.core.server.cluster.impl.MessageLoadBalancingType balancing)
            throws Exception {
        configuration
                .setClusterUser("cluster")
                .setClusterPassword("cluster-secret")
                .addConnectorConfiguration("self", tcpUrl())
                .addConnectorConfiguration("peer", "tcp://127.0.0.1:" + peerPort)
                .addClusterConfiguration(new org.apache.activemq.artemis.core.config.ClusterConnectionConfiguration()
                        .setName("streamdingo")
                        .setAddress("")
                        .setConnectorName("self")
                        .setStaticConnectors(java.util.List.of("peer"))
                        .setRetryInterval(200)
                        .setMessageLoadBalancingType(balancing));
    }

    private void replicate(Configuration configuration, Replication replication) throws Exception {
        joinCluster(
                configuration,
                replication.peerPort(),
                org.apache.activemq.artemis.core.server.cluster.impl.MessageLoadBalancingType.ON_DEMAND);
        configuration.setHAPolicyConfiguration(
                replication.backup()
                        ? new org.apache.activemq.artemis.core.config.ha.ReplicaPolicyConfiguration()
                        : new org.apache.activemq.artemis.core.config.ha.ReplicatedPolicyConfiguration()
                                .setCheckForActiveServer(true));
    }

    /** Stops the broker at once, as a crash would, handing over to its backup if it has one. */
    void crash() {
        try {
            broker.getActiveMQServer().fail(true);
        } catch (Exception e) {
            throw new IllegalStateException("the broker did not stop", e);
        }
    }

    ActiveMQConnectionFactory connectionFactory() {
        return new ActiveMQConnectionFactory(url);
    }

    /**
     * An outbox relay of {@code engine}'s store publishing {@code topology}'s streams to this broker under {@code prefix},
     * its position in memory.
     */
    io.streamdingo.engine.relay.OutboxRelay relay(
            io.streamdingo.engine.StoreEngine engine, io.streamdingo.api.streams.Topology topology, String prefix) {
        return io.streamdingo.engine.EventStores.outboxRelay(
                engine,
                topology,
                new JmsEventPublisher(connectionFactory(), prefix),
                io.streamdingo.engine.EventStores.inMemoryOffsetStore());
    }

    /** The running broker, for assertions on its configuration. */
    org.apache.activemq.artemis.core.server.ActiveMQServer server() {
        return broker.getActiveMQServer();
    }

    /** Stops the broker, as a crash or an operator would, and starts it again from its journal. */
    void restart(java.time.Duration down) throws Exception {
        broker.stop();
        Thread.sleep(down.toMillis());
        start();
    }

    @Override
    public void close() throws Exception {
        broker.stop();
    }
}
