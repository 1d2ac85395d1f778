/** The compile-time half of handler fingerprints: an annotation processor over the normalised source. Internal. */
@NullMarked
package io.streamdingo.hashing.processor;

import org.jspecify.annotations.NullMarked;
