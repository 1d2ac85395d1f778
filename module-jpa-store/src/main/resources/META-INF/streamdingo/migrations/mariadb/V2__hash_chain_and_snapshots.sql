-- Hash chain (HS-4): each stream's last link, and after a truncation the link its chain now starts from.
ALTER TABLE sd_streams ADD COLUMN last_hash VARCHAR(64), ADD COLUMN truncation_anchor VARCHAR(64);
-- Several states may be built from one stream: a snapshot is identified by its state type too.
ALTER TABLE sd_snapshots DROP PRIMARY KEY, ADD PRIMARY KEY (stream_category, stream_id, state_type, stream_version);
