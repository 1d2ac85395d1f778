package io.streamdingo.tck.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdingo.api.streams.DeliverySemantics;
import io.streamdingo.api.streams.NackAction;
import io.streamdingo.api.streams.StartPosition;
import io.streamdingo.api.streams.StreamDefinition;
import io.streamdingo.api.streams.StreamScope;
import io.streamdingo.api.streams.SubscriptionDefinition;
import io.streamdingo.api.streams.SubscriptionMode;
import io.streamdingo.api.streams.Topology;
import io.streamdingo.engine.EventStores;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ST-1, OPS-7: streams and subscriptions declared through configuration keys. */
class ConfiguredTopologyTest {

    /** The topology of {@code config}, plus a stream {@code orders} declared in code unless configured. */
    private static Topology topology(Map<String, String> config) {
        boolean ordersConfigured = config.keySet().stream().anyMatch(k -> k.startsWith("streamdingo.streams.orders."));
        return EventStores.topology(
                config.keySet(),
                key -> Optional.ofNullable(config.get(key)),
                ordersConfigured ? List.of() : List.of(StreamDefinition.persistent("orders")),
                List.of());
    }

    @Test
    void aStreamIsReadFromItsKeys() {
        Topology configured = topology(Map.of(
                "streamdingo.streams.orders.semantics", "exactly-once",
                "streamdingo.streams.orders.scope", "CROSS_SERVICE",
                "streamdingo.streams.orders.retention.max-age", "P30D",
                "streamdingo.streams.orders.retention.max-events", "1000"));

        StreamDefinition orders = configured.stream("orders").orElseThrow();

        assertThat(orders.semantics()).isEqualTo(DeliverySemantics.EXACTLY_ONCE);
        assertThat(orders.scope()).isEqualTo(StreamScope.CROSS_SERVICE);
        assertThat(orders.retention().maxAge()).isEqualTo(Duration.ofDays(30));
        assertThat(orders.retention().maxEvents()).isEqualTo(1000);
    }

    @Test
    void aSubscriptionWithDotsInItsNameIsReadFromItsKeys() {
        Topology configured = topology(Map.of(
                "streamdingo.subscriptions.billing.eu.stream", "orders",
                "streamdingo.subscriptions.billing.eu.mode", "read_receipt",
                "streamdingo.subscriptions.billing.eu.start", "after:42",
                "streamdingo.subscriptions.billing.eu.event-types", "shop.OrderPlaced, shop.OrderPaid",
                "streamdingo.subscriptions.billing.eu.retry.max-attempts", "7",
                "streamdingo.subscriptions.billing.eu.unread.action", "DROP"));

        SubscriptionDefinition billing = configured.subscription("billing.eu").orElseThrow();

        assertThat(billing.mode()).isEqualTo(SubscriptionMode.READ_RECEIPT);
        assertThat(billing.start()).isEqualTo(StartPosition.after(42));
        assertThat(billing.eventTypes()).containsExactlyInAnyOrder("shop.OrderPlaced", "shop.OrderPaid");
        assertThat(billing.retry().maxAttempts()).isEqualTo(7);
        assertThat(billing.unreadAction()).isNull();
    }

    @Test
    void receiveAsVersionsAreReadAsTypeVersionPairs() {
        Topology configured = topology(Map.of(
                "streamdingo.subscriptions.legacy.stream", "orders",
                "streamdingo.subscriptions.legacy.mode", "EXCLUSIVE",
                "streamdingo.subscriptions.legacy.receive-as", "shop.OrderPlaced:2, shop.OrderPaid:1"));

        assertThat(configured.subscription("legacy").orElseThrow().receiveAs())
                .containsOnly(
                        org.assertj.core.api.Assertions.entry("shop.OrderPlaced", 2),
                        org.assertj.core.api.Assertions.entry("shop.OrderPaid", 1));
    }

    @Test
    void unsetKeysTakeTheDefaults() {
        Topology configured = topology(Map.of(
                "streamdingo.subscriptions.audit.stream", "orders",
                "streamdingo.subscriptions.audit.mode", "BROADCAST"));

        assertThat(configured.subscription("audit"))
                .contains(SubscriptionDefinition.of("audit", "orders", SubscriptionMode.BROADCAST));
        assertThat(configured.subscription("audit").orElseThrow().unreadAction())
                .isEqualTo(NackAction.REQUEUE);
    }

    @Test
    void aMalformedValueFailsNamingTheKeyAndWhatIsAllowed() {
        Map<String, String> config = Map.of(
                "streamdingo.subscriptions.audit.stream", "orders",
                "streamdingo.subscriptions.audit.mode", "BROADCAST",
                "streamdingo.subscriptions.audit.visibility-timeout", "30 seconds");

        assertThatThrownBy(() -> topology(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("streamdingo.subscriptions.audit.visibility-timeout")
                .hasMessageContaining("30 seconds")
                .hasMessageContaining("ISO-8601");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "retry.max-attempts | five | a whole number",
                "retry.multiplier | double | a number such as 2.0",
                "start | yesterday | beginning, latest, after:<position> or at:<ISO instant>",
                "start | after:many | beginning, latest, after:<position> or at:<ISO instant>",
                "start | at:noon | beginning, latest, after:<position> or at:<ISO instant>",
                "receive-as | shop.OrderPlaced | a list of type:version",
                "receive-as | shop.OrderPlaced:two | a list of type:version"
            })
    void eachKindOfMalformedSubscriptionValueFailsNamingTheKeyTheValueAndWhatIsAllowed(
            String key, String value, String allowed) {
        Map<String, String> config = Map.of(
                "streamdingo.subscriptions.audit.stream",
                "orders",
                "streamdingo.subscriptions.audit.mode",
                "BROADCAST",
                "streamdingo.subscriptions.audit." + key,
                value);

        assertThatThrownBy(() -> topology(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("streamdingo.subscriptions.audit." + key)
                .hasMessageContaining(value)
                .hasMessageContaining(allowed);
    }

    @Test
    void startPositionsAreReadInEachForm() {
        Map<String, String> config = Map.of(
                "streamdingo.subscriptions.a.stream", "orders",
                "streamdingo.subscriptions.a.mode", "BROADCAST",
                "streamdingo.subscriptions.a.start", "latest",
                "streamdingo.subscriptions.b.stream", "orders",
                "streamdingo.subscriptions.b.mode", "BROADCAST",
                "streamdingo.subscriptions.b.start", "after:42",
                "streamdingo.subscriptions.c.stream", "orders",
                "streamdingo.subscriptions.c.mode", "BROADCAST",
                "streamdingo.subscriptions.c.start", "at:2026-01-02T03:04:05Z");

        Topology topology = topology(config);

        assertThat(topology.subscription("a").orElseThrow().start()).isEqualTo(StartPosition.latest());
        assertThat(topology.subscription("b").orElseThrow().start()).isEqualTo(StartPosition.after(42));
        assertThat(topology.subscription("c").orElseThrow().start())
                .isEqualTo(StartPosition.at(java.time.Instant.parse("2026-01-02T03:04:05Z")));
    }

    @Test
    void anUnknownModeFailsListingTheModes() {
        Map<String, String> config = Map.of(
                "streamdingo.subscriptions.audit.stream", "orders",
                "streamdingo.subscriptions.audit.mode", "ROUND_ROBIN");

        assertThatThrownBy(() -> topology(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ROUND_ROBIN")
                .hasMessageContaining("CONSUMER_GROUP");
    }

    @Test
    void aSubscriptionWithoutItsStreamFailsNamingTheKey() {
        Map<String, String> config = Map.of("streamdingo.subscriptions.audit.mode", "BROADCAST");

        assertThatThrownBy(() -> topology(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("streamdingo.subscriptions.audit.stream is required");
    }

    @Test
    void aConfiguredSubscriptionOfAnUndeclaredStreamFailsAtTopology() {
        Map<String, String> config = Map.of(
                "streamdingo.subscriptions.audit.stream", "invoices",
                "streamdingo.subscriptions.audit.mode", "BROADCAST");

        assertThatThrownBy(() -> topology(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invoices, which is not declared");
    }

    /** The topology of {@code config} over what a {@code @Subscribe(value = "audit", stream = "ledger")} declares. */
    private static Topology annotated(Map<String, String> config, List<StreamDefinition> inCode) {
        return EventStores.topology(
                config.keySet(),
                key -> Optional.ofNullable(config.get(key)),
                inCode,
                List.of(),
                List.of(StreamDefinition.persistent("ledger").withSemantics(DeliverySemantics.EXACTLY_ONCE)),
                List.of(SubscriptionDefinition.of("audit", "ledger", SubscriptionMode.CONSUMER_GROUP)));
    }

    @Test
    void anAnnotationsDeclarationNeedsNoConfiguration() {
        Topology topology = annotated(Map.of(), List.of());

        assertThat(topology.subscription("audit").orElseThrow().mode()).isEqualTo(SubscriptionMode.CONSUMER_GROUP);
        assertThat(topology.stream("ledger").orElseThrow().semantics()).isEqualTo(DeliverySemantics.EXACTLY_ONCE);
    }

    @Test
    void eachConfiguredKeyOverridesItsPartOfAnAnnotationsDeclarationAndNothingElse() {
        Topology topology = annotated(
                Map.of(
                        "streamdingo.subscriptions.audit.mode", "BROADCAST",
                        "streamdingo.subscriptions.audit.retry.max-attempts", "9",
                        "streamdingo.streams.ledger.retention.max-events", "500"),
                List.of());

        SubscriptionDefinition audit = topology.subscription("audit").orElseThrow();
        assertThat(audit.mode()).isEqualTo(SubscriptionMode.BROADCAST);
        assertThat(audit.retry().maxAttempts()).isEqualTo(9);
        assertThat(audit.stream()).isEqualTo("ledger");
        assertThat(audit.start()).isEqualTo(StartPosition.beginning());
        StreamDefinition ledger = topology.stream("ledger").orElseThrow();
        assertThat(ledger.retention().maxEvents()).isEqualTo(500);
        assertThat(ledger.semantics()).isEqualTo(DeliverySemantics.EXACTLY_ONCE);
    }

    @Test
    void aStreamDeclaredInCodeWithOtherSemanticsThanTheAnnotationAsksForFailsNamingBoth() {
        assertThatThrownBy(() -> annotated(Map.of(), List.of(StreamDefinition.persistent("ledger"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stream ledger is declared AT_LEAST_ONCE in code")
                .hasMessageContaining("asks for EXACTLY_ONCE");
    }

    @Test
    void aStreamDeclaredInCodeWithTheSameSemanticsTakesThePlaceOfTheAnnotations() {
        StreamDefinition inCode = StreamDefinition.persistent("ledger")
                .withSemantics(DeliverySemantics.EXACTLY_ONCE)
                .withScope(StreamScope.CROSS_SERVICE);

        Topology topology = annotated(Map.of(), List.of(inCode));

        assertThat(topology.stream("ledger")).contains(inCode);
    }

    @Test
    void aSubscriptionDeclaredByAnAnnotationAndInCodeFailsAskingForOneDeclaration() {
        assertThatThrownBy(() -> EventStores.topology(
                        List.of(),
                        key -> Optional.empty(),
                        List.of(StreamDefinition.persistent("ledger")),
                        List.of(SubscriptionDefinition.of("audit", "ledger", SubscriptionMode.BROADCAST)),
                        List.of(),
                        List.of(SubscriptionDefinition.of("audit", "ledger", SubscriptionMode.CONSUMER_GROUP))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("subscription audit is declared both by a @Subscribe annotation");
    }
}
