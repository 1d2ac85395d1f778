-- Global positions from the appending transaction's id (ES-2 without a global lock): an event's position is
-- (transaction id + xid_offset) << 20 plus its number within the transaction, and readers of the global order
-- stop below the oldest running transaction. The counter row stays: its last_position is the newest position
-- taken the old way, and xid_offset puts every new position above it.
ALTER TABLE sd_global_position ADD COLUMN xid_offset BIGINT NOT NULL DEFAULT 0;
UPDATE sd_global_position
   SET xid_offset = GREATEST(0, (GREATEST(last_position, (SELECT COALESCE(MAX(global_position), 0) FROM sd_events)) >> 20)
                                + 1 - pg_snapshot_xmax(pg_current_snapshot())::text::bigint)
 WHERE id = 1;
