/** The event-store contract suite: one interface of default test methods per capability (ES-1 to ES-9, SE-1, SE-2). */
@NullMarked
package io.streamdingo.tck.store;

import org.jspecify.annotations.NullMarked;
