-- Event payloads and headers as text, as on H2 and MariaDB: the store never queries inside them, and jsonb
-- costs a parse on every insert and a re-serialization on every read (and reformats the canonical JSON the
-- hash chain covers). Operators can still query them with payload::jsonb.
-- The correlation index served no query the product runs and cost about a third of an insert's time;
-- create it again (CREATE INDEX CONCURRENTLY) if you look events up by correlation id.
DROP INDEX sd_events_correlation;
ALTER TABLE sd_events ALTER COLUMN payload TYPE TEXT USING payload::text,
                      ALTER COLUMN headers TYPE TEXT USING headers::text;
