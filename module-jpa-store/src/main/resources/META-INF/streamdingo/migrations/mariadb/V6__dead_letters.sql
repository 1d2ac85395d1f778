-- Dead letters (ST-4): events a subscription gave up on, with the event as the subscription received it
-- (payload as bytes: an event that could not be read is kept exactly as it arrived).
CREATE TABLE sd_dead_letters (
    id               CHAR(36)     PRIMARY KEY,
    subscription     VARCHAR(100) NOT NULL,
    consumer_key     VARCHAR(200) NOT NULL,
    event_id         CHAR(36)     NOT NULL,
    stream_category  VARCHAR(100) NOT NULL,
    stream_id        VARCHAR(200) NOT NULL,
    stream_version   BIGINT       NOT NULL,
    global_position  BIGINT       NOT NULL,
    event_type       VARCHAR(200) NOT NULL,
    schema_version   INTEGER      NOT NULL,
    recorded_at      DATETIME(6)  NOT NULL,
    correlation_id   VARCHAR(1000),
    causation_id     VARCHAR(1000),
    user_id          VARCHAR(1000),
    tenant_id        VARCHAR(1000),
    partition_key    VARCHAR(1000),
    headers          LONGTEXT     NOT NULL,
    payload          LONGBLOB     NOT NULL,
    event_hash       VARCHAR(64)  NOT NULL,
    attempts         INTEGER      NOT NULL,
    reason           LONGTEXT     NOT NULL,
    dead_lettered_at DATETIME(6)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE INDEX sd_dead_letters_subscription ON sd_dead_letters (subscription, dead_lettered_at);
CREATE INDEX sd_dead_letters_age ON sd_dead_letters (dead_lettered_at);
