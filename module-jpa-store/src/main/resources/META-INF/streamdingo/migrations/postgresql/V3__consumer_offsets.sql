-- Consumer positions (ST-5): one row per subscription and consumer key (a consumer id for broadcast).
CREATE TABLE sd_offsets (
    subscription VARCHAR(100) COLLATE "C" NOT NULL,
    consumer_key VARCHAR(200) COLLATE "C" NOT NULL,
    position     BIGINT       NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (subscription, consumer_key)
);
