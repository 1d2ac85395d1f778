/** CDI wiring of the Jakarta Messaging delivery. */
@NullMarked
package io.streamdingo.delivery.jms.cdi;

import org.jspecify.annotations.NullMarked;
