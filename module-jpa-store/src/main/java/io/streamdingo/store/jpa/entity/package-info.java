/** The entities of the low-volume rows: stream heads with their leases, and the global position counter. */
@NullMarked
package io.streamdingo.store.jpa.entity;

import org.jspecify.annotations.NullMarked;
