/**
 * The commands and their shared options. {@link io.streamdingo.cli.StreamDingoCommand} is the entry point;
 * exit codes are in {@link io.streamdingo.cli.ExitCodes}.
 */
@NullMarked
package io.streamdingo.cli;

import org.jspecify.annotations.NullMarked;
