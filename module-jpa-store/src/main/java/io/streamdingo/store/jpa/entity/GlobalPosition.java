package io.streamdingo.store.jpa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The single row that hands out global positions (ES-2). An append locks it after its own checks and keeps
 * the lock until it commits, so positions become visible strictly in commit order and a tailing reader can
 * never skip an event that commits late. See docs/jpa-store.md.
 */
@Entity(name = "GlobalPosition")
@Table(name = "sd_global_position")
public class GlobalPosition {

    /** The id of the only row. */
    public static final short ROW = 1;

    @Id
    private short id;

    @Column(name = "last_position", nullable = false)
    private long lastPosition;

    /** For Jakarta Persistence. */
    protected GlobalPosition() {}

    public long lastPosition() {
        return lastPosition;
    }

    /**
     * Takes the next {@code count} positions.
     *
     * @return the first of them
     */
    public long take(int count) {
        long first = lastPosition + 1;
        lastPosition += count;
        return first;
    }
}
