package io.streamdingo.store.jpa.operator;

/**
 * What one category holds.
 *
 * @param category the category
 * @param streams how many streams have events in it
 * @param events how many events it holds (soft-deleted ones included, truncated ones not)
 * @param bytes the stored size of their payloads and headers, in bytes
 */
public record CategoryFigures(String category, long streams, long events, long bytes) {}
