-- Exactly-once (ST-8): which consumer processed which event, written in the consumer's own transaction.
CREATE TABLE sd_processed_events (
    consumer     VARCHAR(200) NOT NULL,
    event_id     UUID NOT NULL,
    processed_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (consumer, event_id)
);
CREATE INDEX sd_processed_events_age ON sd_processed_events (processed_at);
