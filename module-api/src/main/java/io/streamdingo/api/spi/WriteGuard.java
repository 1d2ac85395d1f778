package io.streamdingo.api.spi;

import io.streamdingo.api.SessionExpiredException;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.StreamLockedException;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Who is writing and when: the session rules a {@link EventStoreBackend} checks in the same atomic step
 * as the write itself (ES-7).
 *
 * <ul>
 *   <li>Without a session ({@code sessionId == null}) the write is refused with
 *       {@link io.streamdingo.api.StreamLockedException} if a lease on the stream is live at {@code now}.
 *   <li>With a session the write is refused with {@link io.streamdingo.api.SessionExpiredException} unless
 *       that session holds a lease that is live at {@code now}; on success the lease is extended to
 *       {@code renewUntil}.
 * </ul>
 *
 * @param sessionId the writing session, or null for a plain write
 * @param now the engine's clock at the time of the write; a lease is live while {@code now < expiresAt}
 * @param renewUntil the new end of the session's lease after a successful write; null without a session
 */
public record WriteGuard(@Nullable String sessionId, Instant now, @Nullable Instant renewUntil) {

    public WriteGuard {
        Objects.requireNonNull(now, "now");
        if ((sessionId == null) != (renewUntil == null)) {
            throw new IllegalArgumentException("a session write names both the session and its new expiry");
        }
    }

    /**
     * Applies the rules above to the stream's current lease, so that every backend enforces them alike.
     *
     * @param streamId the stream written to
     * @param leaseHolder the session holding the stream's lease, or null if it has none
     * @param leaseExpiresAt when that lease ends, or null if it has none
     * @throws StreamLockedException if this is a plain write and another lease is live
     * @throws SessionExpiredException if this is a session write and the session holds no live lease
     */
    public void check(StreamId streamId, @Nullable String leaseHolder, @Nullable Instant leaseExpiresAt) {
        boolean live = leaseHolder != null && leaseExpiresAt != null && now.isBefore(leaseExpiresAt);
        if (sessionId == null) {
            if (live) {
                throw new StreamLockedException(streamId, leaseHolder, leaseExpiresAt);
            }
            return;
        }
        if (!live || !sessionId.equals(leaseHolder)) {
            Instant expiredAt = sessionId.equals(leaseHolder) && leaseExpiresAt != null ? leaseExpiresAt : now;
            throw new SessionExpiredException(streamId, sessionId, expiredAt);
        }
    }

    /** A write outside any session. */
    public static WriteGuard unlocked(Instant now) {
        return new WriteGuard(null, now, null);
    }

    /** A write by {@code sessionId}, extending its lease to {@code renewUntil} if it succeeds. */
    public static WriteGuard session(String sessionId, Instant now, Instant renewUntil) {
        return new WriteGuard(sessionId, now, renewUntil);
    }
}
