/**
 * A small cart domain for the replay contract: states, handler classes that differ in exactly one handler,
 * and the aggregate types over them.
 */
@NullMarked
package io.streamdingo.tck.replay;

import org.jspecify.annotations.NullMarked;
