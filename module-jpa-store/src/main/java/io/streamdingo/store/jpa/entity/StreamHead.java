package io.streamdingo.store.jpa.entity;

import io.streamdingo.api.StreamId;
import io.streamdingo.api.StreamInfo;
import io.streamdingo.api.spi.EventChain;
import io.streamdingo.api.spi.WriteGuard;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One row per stream: its current version, the first version reads may return, and the lease of the
 * session that holds it (ES-7). Appends lock this row first, so writers of one stream serialise on it.
 */
@Entity(name = "StreamHead")
@Table(name = "sd_streams")
@IdClass(StreamKey.class)
public class StreamHead {

    @Id
    @Column(name = "stream_category")
    private String category;

    @Id
    @Column(name = "stream_id")
    private String id;

    @Column(name = "current_version", nullable = false)
    private long currentVersion;

    @Column(name = "first_visible_version", nullable = false)
    private long firstVisibleVersion;

    @Column(name = "lease_session")
    private @Nullable String leaseSession;

    @Column(name = "lease_expires_at")
    private @Nullable Instant leaseExpiresAt;

    /** The hash of the stream's last event (HS-4); null only for streams written before hashing existed. */
    @Column(name = "last_hash")
    private @Nullable String lastHash;

    @Column(name = "truncation_anchor")
    private @Nullable String truncationAnchor;

    /** For Jakarta Persistence. */
    protected StreamHead() {}

    /** The head of a stream that has no events yet. */
    public StreamHead(StreamId streamId) {
        this.category = streamId.category();
        this.id = streamId.id();
        this.firstVisibleVersion = 1;
    }

    public StreamId streamId() {
        return StreamId.of(category, id);
    }

    public long currentVersion() {
        return currentVersion;
    }

    public StreamInfo info() {
        return new StreamInfo(streamId(), currentVersion, firstVisibleVersion);
    }

    /** Applies the session rules of {@code guard} to this stream's lease. */
    public void check(WriteGuard guard) {
        guard.check(streamId(), leaseSession, leaseExpiresAt);
    }

    /** The hash the next appended event links to. */
    public String lastHash() {
        return lastHash != null ? lastHash : EventChain.GENESIS;
    }

    public Optional<String> truncationAnchor() {
        return Optional.ofNullable(truncationAnchor);
    }

    /**
     * Records {@code count} appended events, the last with {@code hash}, and extends the writing session's
     * lease.
     */
    public void appended(int count, String hash, WriteGuard guard) {
        currentVersion += count;
        lastHash = hash;
        if (guard.sessionId() != null) {
            lease(guard.sessionId(), guard.renewUntil());
        }
    }

    public void hideCurrentEvents() {
        firstVisibleVersion = currentVersion + 1;
    }

    /** Records a truncation; {@code anchor} is the hash of the last event removed, if any was. */
    public void truncatedBefore(long version, Optional<String> anchor) {
        firstVisibleVersion = Math.max(firstVisibleVersion, version);
        anchor.ifPresent(hash -> truncationAnchor = hash);
    }

    public void lease(String sessionId, @Nullable Instant expiresAt) {
        leaseSession = sessionId;
        leaseExpiresAt = expiresAt;
    }

    public void release(String sessionId) {
        if (sessionId.equals(leaseSession)) {
            leaseSession = null;
            leaseExpiresAt = null;
        }
    }
}
