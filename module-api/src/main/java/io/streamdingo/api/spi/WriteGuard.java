package io.streamdingo.api.spi;

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

    /** A write outside any session. */
    public static WriteGuard unlocked(Instant now) {
        return new WriteGuard(null, now, null);
    }

    /** A write by {@code sessionId}, extending its lease to {@code renewUntil} if it succeeds. */
    public static WriteGuard session(String sessionId, Instant now, Instant renewUntil) {
        return new WriteGuard(sessionId, now, renewUntil);
    }
}
