-- Exactly-once (ST-8): which consumer processed which event, written in the consumer's own transaction.
CREATE TABLE sd_processed_events (
    consumer     VARCHAR(200) NOT NULL,
    event_id     CHAR(36) NOT NULL,
    processed_at DATETIME(6) NOT NULL,
    PRIMARY KEY (consumer, event_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE INDEX sd_processed_events_age ON sd_processed_events (processed_at);
