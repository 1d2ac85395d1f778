-- StreamDingo event store, MariaDB (InnoDB). utf8mb4_bin: stream ids compare and sort byte-wise.
-- Timestamps are UTC DATETIME(6): MariaDB has no time-zone-aware type.
CREATE TABLE sd_global_position (
    id            SMALLINT PRIMARY KEY CHECK (id = 1),
    last_position BIGINT   NOT NULL
) ENGINE = InnoDB;
INSERT INTO sd_global_position (id, last_position) VALUES (1, 0);

CREATE TABLE sd_streams (
    stream_category       VARCHAR(100) NOT NULL,
    stream_id             VARCHAR(200) NOT NULL,
    current_version       BIGINT       NOT NULL,
    first_visible_version BIGINT       NOT NULL,
    lease_session         VARCHAR(200),
    lease_expires_at      DATETIME(6),
    PRIMARY KEY (stream_category, stream_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE sd_events (
    global_position BIGINT       PRIMARY KEY,
    stream_category VARCHAR(100) NOT NULL,
    stream_id       VARCHAR(200) NOT NULL,
    stream_version  BIGINT       NOT NULL,
    event_id        CHAR(36)     NOT NULL,
    event_type      VARCHAR(200) NOT NULL,
    schema_version  INTEGER      NOT NULL,
    recorded_at     DATETIME(6)  NOT NULL,
    correlation_id  VARCHAR(1000),
    causation_id    VARCHAR(1000),
    user_id         VARCHAR(1000),
    tenant_id       VARCHAR(1000),
    partition_key   VARCHAR(1000),
    headers         LONGTEXT     NOT NULL,
    payload         LONGTEXT     NOT NULL,
    event_hash      VARCHAR(64),
    CONSTRAINT sd_events_event_id UNIQUE (event_id),
    CONSTRAINT sd_events_stream_version UNIQUE (stream_category, stream_id, stream_version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE INDEX sd_events_correlation ON sd_events (correlation_id(191));

CREATE TABLE sd_snapshots (
    stream_category      VARCHAR(100) NOT NULL,
    stream_id            VARCHAR(200) NOT NULL,
    stream_version       BIGINT       NOT NULL,
    state_type           VARCHAR(200) NOT NULL,
    state                LONGTEXT     NOT NULL,
    state_hash           VARCHAR(64)  NOT NULL,
    handler_fingerprints LONGTEXT     NOT NULL,
    created_at           DATETIME(6)  NOT NULL,
    PRIMARY KEY (stream_category, stream_id, stream_version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
