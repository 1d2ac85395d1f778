/**
 * Checking a whole store in one pass: every stream's versions, positions and hash chain against its head row,
 * every snapshot's state hash and version, and the store-wide uniqueness of positions and event ids.
 */
@NullMarked
package io.streamdingo.cli.verify;

import org.jspecify.annotations.NullMarked;
