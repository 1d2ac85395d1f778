/**
 * Rebuilding state from events: pure event handlers, aggregate types, the replay engine with its
 * hash-verified snapshots, snapshot policies and the aggregate repository (SN-1 to SN-4).
 */
@NullMarked
package io.streamdingo.api.replay;

import org.jspecify.annotations.NullMarked;
