-- Consumer positions (ST-5): one row per subscription and consumer key (a consumer id for broadcast).
CREATE TABLE sd_offsets (
    subscription VARCHAR(100) NOT NULL,
    consumer_key VARCHAR(200) NOT NULL,
    position     BIGINT       NOT NULL,
    updated_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (subscription, consumer_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
