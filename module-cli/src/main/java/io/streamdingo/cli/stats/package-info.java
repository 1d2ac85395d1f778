/** What a store holds, gathered with a few aggregate queries: the report behind {@code streamdingo stats}. */
@NullMarked
package io.streamdingo.cli.stats;

import org.jspecify.annotations.NullMarked;
