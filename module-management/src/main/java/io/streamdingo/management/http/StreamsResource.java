package io.streamdingo.management.http;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.StreamInfo;
import io.streamdingo.api.StreamVerification;
import io.streamdingo.api.streams.StreamDefinition;
import io.streamdingo.api.streams.StreamScope;
import io.streamdingo.api.streams.StreamType;
import io.streamdingo.api.streams.Topology;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * {@code /streams}: the declared categories with their stream counts, a category's streams page by page, one
 * stream's version and visible range, and the verification of a stream's hash chain.
 */
final class StreamsResource {

    private final EventStore store;
    private final Topology topology;

    StreamsResource(EventStore store, Topology topology) {
        this.store = store;
        this.topology = topology;
    }

    /** {@code GET /streams}: the store's head position and every declared category kept in this store. */
    Catalog categories() {
        List<Category> categories = topology.streams().stream()
                .sorted(Comparator.comparing(StreamDefinition::category))
                .map(stream -> new Category(
                        stream.category(),
                        stream.type(),
                        stream.semantics().name(),
                        stream.scope(),
                        keptHere(stream) ? store.countStreams(stream.category()) : null,
                        keptHere(stream) ? store.countEvents(stream.category()) : null))
                .toList();
        return new Catalog(store.headPosition(), categories);
    }

    private static boolean keptHere(StreamDefinition stream) {
        return stream.type() == StreamType.PERSISTENT && stream.scope() != StreamScope.EXTERNAL;
    }

    /** {@code GET /streams/{category}}: its non-empty streams ordered by id, a page at a time. */
    Paging.Page<StreamView> streams(String category, Paging paging) {
        requireCategory(category);
        try (Stream<StreamInfo> listed =
                paging.after() == null ? store.listStreams(category) : store.listStreams(category, paging.after())) {
            return paging.page(listed.map(StreamView::of), StreamView::id);
        }
    }

    /** {@code GET /streams/{category}/{id}}. */
    StreamView stream(String category, String id) {
        StreamId streamId = streamId(category, id);
        return store.streamInfo(streamId)
                .map(StreamView::of)
                .orElseThrow(() -> ApiProblem.notFound("stream " + streamId + " was never written"));
    }

    /** {@code GET /streams/{category}/{id}/verification}: walks the stream's hash chain. */
    Verification verify(String category, String id) {
        StreamId streamId = streamId(category, id);
        if (store.streamInfo(streamId).isEmpty()) {
            throw ApiProblem.notFound("stream " + streamId + " was never written");
        }
        StreamVerification result = store.verify(streamId);
        if (result instanceof StreamVerification.Intact intact) {
            return new Verification(
                    category, id, true, intact.eventsChecked(), intact.lastVersion(), intact.lastHash(), null, null);
        }
        StreamVerification.Broken broken = (StreamVerification.Broken) result;
        return new Verification(
                category,
                id,
                false,
                null,
                broken.version(),
                null,
                broken.problem(),
                new Mismatch(broken.expectedHash(), broken.foundHash()));
    }

    private static void requireCategory(String category) {
        try {
            StreamId.requireValidCategory(category);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badInput("category", e.getMessage());
        }
    }

    private static StreamId streamId(String category, String id) {
        requireCategory(category);
        try {
            return StreamId.of(category, id);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badInput("id", e.getMessage());
        }
    }

    /** The store's head position and its declared categories. */
    record Catalog(long headPosition, List<Category> categories) {}

    /**
     * A declared category.
     *
     * @param streams how many non-empty streams it holds; null for a category this store does not keep
     *     (ephemeral, or another service's)
     * @param events how many events it holds up to the head position (soft-deleted ones included, truncated ones
     *     not); null for a category this store does not keep
     */
    record Category(
            String category,
            StreamType type,
            String semantics,
            StreamScope scope,
            @Nullable Long streams,
            @Nullable Long events) {}

    /** A stream's version and the range of versions still visible. */
    record StreamView(String category, String id, long version, long firstVisibleVersion, long visibleEvents) {
        static StreamView of(StreamInfo info) {
            long visible = Math.max(0, info.currentVersion() - info.firstVisibleVersion() + 1);
            return new StreamView(
                    info.streamId().category(),
                    info.streamId().id(),
                    info.currentVersion(),
                    info.firstVisibleVersion(),
                    visible);
        }
    }

    /**
     * The outcome of walking a stream's hash chain.
     *
     * @param eventsChecked how many events were checked; null when the chain is broken
     * @param version the last version checked when intact, else the first version that does not fit
     * @param lastHash the hash of the last event when intact
     * @param problem what is wrong at {@code version} when broken
     */
    record Verification(
            String category,
            String id,
            boolean intact,
            @Nullable Long eventsChecked,
            long version,
            @Nullable String lastHash,
            @Nullable String problem,
            @Nullable Mismatch mismatch) {}

    /** The hash a broken link should have had and the one it has. */
    record Mismatch(String expectedHash, String foundHash) {}
}
