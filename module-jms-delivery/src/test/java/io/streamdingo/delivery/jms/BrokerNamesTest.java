package io.streamdingo.delivery.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdingo.api.streams.SubscriptionDefinition;
import io.streamdingo.api.streams.SubscriptionMode;
import org.junit.jupiter.api.Test;

/** JMS-2 names: {@code {prefix}.{stream}}, {@code {prefix}.{subscription}}, checked against Artemis syntax. */
class BrokerNamesTest {

    private final BrokerNames names = new BrokerNames("sd");

    @Test
    void aStreamIsTheAddressPrefixDotCategory() {
        assertThat(names.address("orders")).isEqualTo("sd.orders");
    }

    @Test
    void sharedModesUseTheSubscriptionsQueueAndBroadcastOneQueuePerConsumer() {
        SubscriptionDefinition group = SubscriptionDefinition.of("billing", "orders", SubscriptionMode.CONSUMER_GROUP);
        SubscriptionDefinition news = SubscriptionDefinition.of("news", "orders", SubscriptionMode.BROADCAST);

        assertThat(names.queue(group, "node-1")).isEqualTo("sd.billing");
        assertThat(names.queue(news, "node-1")).isEqualTo("sd.news.node-1");
    }

    @Test
    void aConsumerIdThatArtemisWouldReadAsSyntaxIsRefusedNamingIt() {
        SubscriptionDefinition news = SubscriptionDefinition.of("news", "orders", SubscriptionMode.BROADCAST);

        assertThatThrownBy(() -> names.queue(news, "a::b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("consumer id 'a::b'")
                .hasMessageContaining("letters, digits");
        assertThatThrownBy(() -> names.queue(news, "all#")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPrefixMustStartWithALetter() {
        assertThatThrownBy(() -> new BrokerNames("1x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("address prefix '1x' is invalid");
    }
}
