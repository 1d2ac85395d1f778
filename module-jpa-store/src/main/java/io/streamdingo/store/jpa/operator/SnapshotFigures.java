package io.streamdingo.store.jpa.operator;

/**
 * The snapshots of one state type (one aggregate or projection type).
 *
 * @param stateType the state type
 * @param streams how many streams have a snapshot of it
 * @param snapshots how many snapshots there are
 * @param bytes the stored size of their states, in bytes
 */
public record SnapshotFigures(String stateType, long streams, long snapshots, long bytes) {}
