/** The event classes the contract suites append and read: records, a mutable class and a versioned family. */
@NullMarked
package io.streamdingo.tck.events;

import org.jspecify.annotations.NullMarked;
