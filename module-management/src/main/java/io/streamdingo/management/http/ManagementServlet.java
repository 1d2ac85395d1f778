package io.streamdingo.management.http;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.SchemaRegistry;
import io.streamdingo.api.streams.RunningConsumers;
import io.streamdingo.api.streams.Subscriptions;
import io.streamdingo.api.streams.Topology;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The management API over HTTP: turns each request into an {@link ApiCall} for {@link ManagementApi}, writes
 * its answer, and serves live feeds as Server-Sent Events on asynchronous requests. Registered by
 * {@link ManagementRegistration}; holds no rule of its own.
 */
public class ManagementServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger(ManagementServlet.class.getName());
    /** Bodies are a few fields; anything larger is a mistake or an attack. */
    private static final int MAX_BODY_BYTES = 16 * 1024;

    @Inject
    transient EventStore store;

    @Inject
    transient Topology topology;

    @Inject
    transient Subscriptions subscriptions;

    @Inject
    transient RunningConsumers running;

    @Inject
    transient SchemaRegistry schemas;

    private transient ManagementApi api;
    private transient ManagementSettings settings;
    private transient FeedScheduler feeds;
    private transient Semaphore feedSlots;

    @Override
    public void init() {
        settings = ManagementSettings.fromConfig();
        api = new ManagementApi(store, topology, subscriptions, running, schemas);
        feeds = FeedScheduler.create();
        feedSlots = new Semaphore(settings.maxFeedClients());
    }

    @Override
    public void destroy() {
        if (feeds != null) {
            feeds.stop();
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ApiCall call;
        try {
            call = call(request);
        } catch (ApiProblem problem) {
            write(response, ApiAnswer.of(problem), true);
            return;
        }
        if (ManagementApi.isFeed(call) && call.method().equals("GET")) {
            startFeed(request, response, call);
            return;
        }
        boolean head = call.method().equals("HEAD");
        ApiCall asked = head ? new ApiCall("GET", call.path(), call.query(), call.body(), call.caller()) : call;
        write(response, api.handle(asked), !head);
    }

    private ApiCall call(HttpServletRequest request) throws IOException {
        String uri = request.getRequestURI();
        String prefix = request.getContextPath() + request.getServletPath();
        String raw = uri.startsWith(prefix) ? uri.substring(prefix.length()) : request.getPathInfo();
        Map<String, List<String>> query = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> query.put(name, Arrays.asList(values)));
        return new ApiCall(
                request.getMethod(), ApiCall.segments(raw == null ? "" : raw), query, body(request), caller(request));
    }

    private static Caller caller(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        if (principal == null) {
            return Caller.ANONYMOUS;
        }
        return new Caller(principal.getName(), request.isUserInRole(Roles.VIEWER), request.isUserInRole(Roles.ADMIN));
    }

    private static String body(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw ApiProblem.badInput("body", "the body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw ApiProblem.badInput("body", "the body is larger than " + MAX_BODY_BYTES + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private void write(HttpServletResponse response, ApiAnswer answer, boolean withBody) throws IOException {
        response.setStatus(answer.status());
        answer.headers().forEach(response::setHeader);
        response.setHeader("Cache-Control", "no-store");
        if (answer.body() == null) {
            return;
        }
        byte[] bytes = api.write(answer);
        response.setContentType(answer.contentType());
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(bytes.length);
        if (withBody) {
            response.getOutputStream().write(bytes);
        }
    }

    private void startFeed(HttpServletRequest request, HttpServletResponse response, ApiCall call) throws IOException {
        ManagementApi.FeedStart start;
        try {
            start = api.feed(call, request.getHeader("Last-Event-ID"));
            if (!feedSlots.tryAcquire()) {
                throw ApiProblem.unavailable("the server already serves " + settings.maxFeedClients() + " live feeds"
                        + " (streamdingo.management.feed.max-clients); try again later");
            }
        } catch (ApiProblem problem) {
            write(response, ApiAnswer.of(problem), true);
            return;
        }
        AsyncContext async = request.startAsync();
        async.setTimeout(0);
        response.setStatus(200);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Accel-Buffering", "no");
        // the client sees the feed open at once, not with its first event
        response.flushBuffer();
        ServletOutputStream out = response.getOutputStream();
        AtomicBoolean gone = new AtomicBoolean();
        AtomicBoolean finished = new AtomicBoolean();
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        Runnable finish = () -> {
            if (finished.compareAndSet(false, true)) {
                ScheduledFuture<?> running = task.get();
                if (running != null) {
                    running.cancel(false);
                }
                feedSlots.release();
                try {
                    async.complete();
                } catch (IllegalStateException alreadyCompleted) {
                    // the container completed it (client gone)
                }
            }
        };
        async.addListener(new FeedEnd(gone, finish));
        out.setWriteListener(new WriteListener() {
            @Override
            public void onWritePossible() {
                // the next round of the feed writes
            }

            @Override
            public void onError(Throwable t) {
                gone.set(true);
                finish.run();
            }
        });
        LiveFeed feed = new LiveFeed(
                store,
                start.subscription(),
                start.category(),
                start.types(),
                start.after(),
                new LiveFeed.Sink() {
                    @Override
                    public boolean ready() {
                        return !gone.get() && out.isReady();
                    }

                    @Override
                    public void send(String message) throws IOException {
                        out.write(message.getBytes(StandardCharsets.UTF_8));
                        if (out.isReady()) {
                            out.flush();
                        }
                    }
                },
                api.json(),
                Clock.systemUTC(),
                settings.feed());
        task.set(feeds.every(settings.feedPollInterval(), () -> {
            boolean goOn;
            try {
                goOn = !gone.get() && feed.poll();
            } catch (RuntimeException e) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "live feed of subscription {0} stopped at position {1}: {2}",
                        start.subscription(),
                        feed.position(),
                        e.toString());
                goOn = false;
            }
            if (!goOn) {
                finish.run();
            }
        }));
    }

    /** Ends a feed when the container ends its request. */
    private record FeedEnd(AtomicBoolean gone, Runnable finish) implements AsyncListener {
        @Override
        public void onComplete(AsyncEvent event) {
            gone.set(true);
            finish.run();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            gone.set(true);
            finish.run();
        }

        @Override
        public void onError(AsyncEvent event) {
            gone.set(true);
            finish.run();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // nothing to do
        }
    }
}
