package io.streamdingo.engine.memory;

import java.time.Instant;

/** A session's hold on a stream until {@code expiresAt}. */
record Lease(String sessionId, Instant expiresAt) {}
