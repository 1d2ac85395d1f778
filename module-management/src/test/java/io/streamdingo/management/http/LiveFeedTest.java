package io.streamdingo.management.http;

import static io.streamdingo.management.http.ManagementFixture.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.tck.events.CartEvents.NoteAdded;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The live feed sends a category's events as Server-Sent Events, as fast as the client takes them. */
class LiveFeedTest {

    private static final LiveFeed.Settings SETTINGS =
            new LiveFeed.Settings(100, Duration.ofSeconds(30), Duration.ofSeconds(15));

    private final ManagementFixture app = new ManagementFixture();
    private final Client client = new Client();

    @AfterEach
    void close() {
        app.close();
    }

    /** A client connection that takes what it is sent while {@link #ready} is true. */
    private static final class Client implements LiveFeed.Sink {
        final List<String> messages = new ArrayList<>();
        boolean ready = true;
        boolean gone;

        @Override
        public boolean ready() {
            return ready;
        }

        @Override
        public void send(String message) throws IOException {
            if (gone) {
                throw new IOException("connection reset");
            }
            messages.add(message);
        }

        List<String> ids() {
            return messages.stream()
                    .filter(m -> m.startsWith("id: "))
                    .map(m -> m.substring(4, m.indexOf('\n')))
                    .toList();
        }
    }

    private LiveFeed feed(long after, Set<String> types) {
        return new LiveFeed(app.engine.store(), "news", "orders", types, after, client, app.json, app.clock, SETTINGS);
    }

    @Test
    void eachEventIsAMessageWithItsPositionAsIdItsTypeAsEventAndItsJsonAsOneDataLine() {
        LiveFeed feed = feed(0, Set.of());
        RecordedEvent event = app.append("o-1", 5).get(0);

        feed.poll();

        assertThat(client.messages).hasSize(1);
        String message = client.messages.get(0);
        assertThat(message).startsWith("id: " + event.globalPosition() + "\nevent: tck.ItemAdded\ndata: {");
        assertThat(message).endsWith("}\n\n");
        assertThat(message.lines().filter(line -> line.startsWith("data: "))).hasSize(1);
        assertThat(message).contains("\"quantity\":5").contains("\"streamId\":\"o-1\"");
    }

    @Test
    void aFeedResumesRightAfterThePositionItWasGiven() {
        List<RecordedEvent> events = app.append("o-1", 1, 2, 3);

        feed(events.get(0).globalPosition(), Set.of()).poll();

        assertThat(client.ids())
                .containsExactly(
                        String.valueOf(events.get(1).globalPosition()),
                        String.valueOf(events.get(2).globalPosition()));
    }

    @Test
    void onlyTheAskedTypesAreSent() {
        LiveFeed feed = feed(0, Set.of("tck.NoteAdded"));
        app.append("o-1", 1);
        app.engine
                .store()
                .append(StreamId.of("orders", "o-1"), ExpectedVersion.any(), NewEvent.of(new NoteAdded("hi")));

        feed.poll();

        assertThat(client.messages).singleElement().asString().contains("event: tck.NoteAdded");
    }

    @Test
    void aClientThatTakesNothingIsSentNothingAndGetsTheEventsOnceItTakesThemAgain() {
        LiveFeed feed = feed(0, Set.of());
        app.append("o-1", 1, 2);
        client.ready = false;

        feed.poll();
        app.clock.advance(Duration.ofSeconds(10));
        feed.poll();
        client.ready = true;
        boolean goesOn = feed.poll();

        assertThat(goesOn).isTrue();
        assertThat(client.ids()).hasSize(2);
    }

    @Test
    void aClientThatTakesNothingForTheSlowClientTimeoutIsDropped() {
        LiveFeed feed = feed(0, Set.of());
        client.ready = false;

        boolean first = feed.poll();
        app.clock.advance(Duration.ofSeconds(30));
        boolean second = feed.poll();

        assertThat(first).isTrue();
        assertThat(second).isFalse();
    }

    @Test
    void aClientThatLeftEndsTheFeed() {
        LiveFeed feed = feed(0, Set.of());
        app.append("o-1", 1);
        client.gone = true;

        assertThat(feed.poll()).isFalse();
    }

    @Test
    void anIdleFeedSendsAKeepAliveComment() {
        LiveFeed feed = feed(0, Set.of());
        feed.poll();
        app.clock.advance(Duration.ofSeconds(15));

        feed.poll();

        assertThat(client.messages).containsExactly(": keep-alive\n\n");
    }

    @Test
    void aFeedStartsAfterLastEventIdElseAfterTheAfterParameterElseAtTheHead() {
        app.append("o-1", 1, 2);
        ApiCall call = new ApiCall(
                "GET", ApiCall.segments("/subscriptions/news/feed"), Map.of("after", List.of("1")), "", VIEWER);
        ApiCall plain = new ApiCall("GET", ApiCall.segments("/subscriptions/news/feed"), Map.of(), "", VIEWER);

        assertThat(ManagementApi.isFeed(call)).isTrue();
        assertThat(app.api.feed(call, "2").after()).isEqualTo(2);
        assertThat(app.api.feed(call, null).after()).isEqualTo(1);
        assertThat(app.api.feed(plain, null).after())
                .isEqualTo(app.engine.store().headPosition());
        assertThat(app.api.feed(plain, null).category()).isEqualTo("orders");
    }

    @Test
    void aFeedTakesTheTypesItIsAskedFor() {
        ApiCall call = new ApiCall(
                "GET",
                ApiCall.segments("/subscriptions/news/feed"),
                Map.of("types", List.of("tck.ItemAdded, tck.NoteAdded")),
                "",
                VIEWER);

        assertThat(app.api.feed(call, null).types()).containsExactlyInAnyOrder("tck.ItemAdded", "tck.NoteAdded");
    }

    @Test
    void aFeedRefusesABadLastEventIdAStreamNotKeptHereAndAnonymousCallers() {
        ApiCall news = new ApiCall("GET", ApiCall.segments("/subscriptions/news/feed"), Map.of(), "", VIEWER);
        ApiCall radar = new ApiCall("GET", ApiCall.segments("/subscriptions/radar/feed"), Map.of(), "", VIEWER);
        ApiCall anonymous =
                new ApiCall("GET", ApiCall.segments("/subscriptions/news/feed"), Map.of(), "", Caller.ANONYMOUS);

        assertThatThrownBy(() -> app.api.feed(news, "-3"))
                .isInstanceOfSatisfying(
                        ApiProblem.class, problem -> assertThat(problem.field()).isEqualTo("Last-Event-ID"));
        assertThatThrownBy(() -> app.api.feed(radar, null))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.status())
                        .isEqualTo(409));
        assertThatThrownBy(() -> app.api.feed(anonymous, null))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.status())
                        .isEqualTo(401));
    }
}
