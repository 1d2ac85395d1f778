/**
 * A given/when/then fixture for testing an application's handlers and command decisions without a
 * database or a server.
 */
@NullMarked
package io.streamdingo.test;

import org.jspecify.annotations.NullMarked;
