package io.streamdingo.cli.transfer;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * One line of an export file: either a stream's head or one of its events.
 *
 * @param stream a stream's head, or null
 * @param event an event, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExportLine(@Nullable StreamLine stream, @Nullable EventLine event) {}
