/** The default Jackson/JSON payload serializer (ES-6). */
@NullMarked
package io.streamdingo.engine.serialization;

import org.jspecify.annotations.NullMarked;
