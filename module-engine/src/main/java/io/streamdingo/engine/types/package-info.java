/** Event-type names and versions (SE-1) and the upcasting pipeline (SE-2). */
@NullMarked
package io.streamdingo.engine.types;

import org.jspecify.annotations.NullMarked;
