/** Extension points: store backends, serializers and upcasters that the engine finds and composes. */
@NullMarked
package io.streamdingo.api.spi;

import org.jspecify.annotations.NullMarked;
