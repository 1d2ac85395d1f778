package io.streamdingo.demo.bank;

import io.streamdingo.api.streams.DeliverySemantics;
import io.streamdingo.api.streams.StreamDefinition;
import io.streamdingo.api.streams.StreamScope;
import io.streamdingo.api.streams.SubscriptionDefinition;
import io.streamdingo.api.streams.SubscriptionMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The bank's account stream and the audit subscription, declared as beans: account events are delivered
 * exactly once, to this application's activity feed (whose {@code @Subscribe} annotation declares its own
 * subscription), to the audit message-driven bean, and to other services (cross-service).
 */
@ApplicationScoped
public class BankTopology {

    /** Consumed by {@link ActivityFeed}: the accounts' recent activity, split across the servers' consumers. */
    static final String ACTIVITY = "account-activity";
    /** Consumed by {@link AccountAuditMdb} from the subscription's queue, each account by one MDB at a time. */
    static final String AUDIT = "account-audit";

    @Produces
    StreamDefinition accounts() {
        return StreamDefinition.persistent(AccountService.CATEGORY)
                .withSemantics(DeliverySemantics.EXACTLY_ONCE)
                .withScope(StreamScope.CROSS_SERVICE);
    }

    @Produces
    SubscriptionDefinition audit() {
        return SubscriptionDefinition.of(AUDIT, AccountService.CATEGORY, SubscriptionMode.CONSUMER_GROUP);
    }
}
