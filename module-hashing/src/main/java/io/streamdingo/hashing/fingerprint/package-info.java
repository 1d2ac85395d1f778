/** What the two origins of a handler fingerprint share: how collected code texts become one hash. Internal. */
@NullMarked
package io.streamdingo.hashing.fingerprint;

import org.jspecify.annotations.NullMarked;
