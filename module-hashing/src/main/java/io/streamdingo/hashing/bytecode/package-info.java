/** The run-time fallback for handler fingerprints: normalised bytecode, read with ASM. Internal. */
@NullMarked
package io.streamdingo.hashing.bytecode;

import org.jspecify.annotations.NullMarked;
