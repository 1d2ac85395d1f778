/** The replay engine: pure handlers applied in order, hash-verified snapshots and their selection (SN-1 to SN-4). */
@NullMarked
package io.streamdingo.engine.replay;

import org.jspecify.annotations.NullMarked;
