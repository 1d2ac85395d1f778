package io.streamdingo.engine.delivery;

import io.streamdingo.api.StreamId;
import io.streamdingo.api.streams.SubscriptionMode;
import java.util.Collection;
import org.jspecify.annotations.Nullable;

/**
 * Which of a subscription position's connected consumers may take an event of a stream (ST-2): the rule of one
 * subscription mode. Members are given in the order they joined.
 */
sealed interface Assignment {

    /** Whether {@code consumerId} may take the next event of {@code stream} now. */
    boolean mayTake(String consumerId, StreamId stream, Collection<String> members);

    /** The rule of {@code mode}. */
    static Assignment of(SubscriptionMode mode) {
        return switch (mode) {
            case BROADCAST -> new EveryMember();
            case EXCLUSIVE -> new FirstMember();
            case CONSUMER_GROUP, READ_RECEIPT -> new StreamOwner();
        };
    }

    /** Broadcast: a position per consumer, so its one consumer takes everything. */
    record EveryMember() implements Assignment {
        @Override
        public boolean mayTake(String consumerId, StreamId stream, Collection<String> members) {
            return true;
        }
    }

    /** Exclusive: the member that joined first takes everything; the next takes over when it leaves or dies. */
    record FirstMember() implements Assignment {
        @Override
        public boolean mayTake(String consumerId, StreamId stream, Collection<String> members) {
            return !members.isEmpty() && members.iterator().next().equals(consumerId);
        }
    }

    /**
     * Consumer groups and read receipts: each stream belongs to one live member, chosen by rendezvous hashing,
     * so a member's leaving moves only its own streams.
     */
    record StreamOwner() implements Assignment {
        @Override
        public boolean mayTake(String consumerId, StreamId stream, Collection<String> members) {
            return consumerId.equals(owner(stream, members));
        }

        private static @Nullable String owner(StreamId stream, Collection<String> members) {
            String owner = null;
            int best = 0;
            String streamKey = stream.toString();
            for (String member : members) {
                int score = mix((member + '\u0000' + streamKey).hashCode());
                if (owner == null || score > best) {
                    owner = member;
                    best = score;
                }
            }
            return owner;
        }

        private static int mix(int hash) {
            int h = hash * 0x9E3779B9;
            return h ^ (h >>> 16);
        }
    }
}
