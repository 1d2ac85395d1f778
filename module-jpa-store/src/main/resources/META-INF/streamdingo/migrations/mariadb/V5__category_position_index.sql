-- Subscriptions and the outbox relay read one category in the global order: an index on both keeps the cost
-- of such a read independent of the other categories' events.
CREATE INDEX sd_events_category_position ON sd_events (stream_category, global_position);
