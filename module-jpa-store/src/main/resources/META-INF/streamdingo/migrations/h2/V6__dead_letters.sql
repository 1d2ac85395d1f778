-- Dead letters (ST-4): events a subscription gave up on, with the event as the subscription received it
-- (payload as bytes: an event that could not be read is kept exactly as it arrived).
CREATE TABLE sd_dead_letters (
    id               UUID         PRIMARY KEY,
    subscription     VARCHAR(100) NOT NULL,
    consumer_key     VARCHAR(200) NOT NULL,
    event_id         UUID         NOT NULL,
    stream_category  VARCHAR(100) NOT NULL,
    stream_id        VARCHAR(200) NOT NULL,
    stream_version   BIGINT       NOT NULL,
    global_position  BIGINT       NOT NULL,
    event_type       VARCHAR(200) NOT NULL,
    schema_version   INTEGER      NOT NULL,
    recorded_at      TIMESTAMP(6) WITH TIME ZONE  NOT NULL,
    correlation_id   VARCHAR(1000),
    causation_id     VARCHAR(1000),
    user_id          VARCHAR(1000),
    tenant_id        VARCHAR(1000),
    partition_key    VARCHAR(1000),
    headers          CHARACTER VARYING NOT NULL,
    payload          BINARY LARGE OBJECT NOT NULL,
    event_hash       VARCHAR(64)  NOT NULL,
    attempts         INTEGER      NOT NULL,
    reason           CHARACTER VARYING NOT NULL,
    dead_lettered_at TIMESTAMP(6) WITH TIME ZONE  NOT NULL
);
CREATE INDEX sd_dead_letters_subscription ON sd_dead_letters (subscription, dead_lettered_at);
CREATE INDEX sd_dead_letters_age ON sd_dead_letters (dead_lettered_at);
