/**
 * Fingerprints of handler code, canonical JSON, state hashes and the event hash chain, used by the engine
 * to decide which snapshots and events it can trust.
 */
@NullMarked
package io.streamdingo.hashing;

import org.jspecify.annotations.NullMarked;
