-- The schema registry (SE-3): each registered event type and schema version with its Java class, the JSON
-- Schema generated from it, that schema's SHA-256 and the upcast path to the newest version.
CREATE TABLE sd_event_schemas (
    event_type     VARCHAR(200)  NOT NULL,
    schema_version INTEGER       NOT NULL,
    java_type      VARCHAR(1000) NOT NULL,
    json_schema    LONGTEXT      NOT NULL,
    fingerprint    CHAR(64)      NOT NULL,
    upcast_path    LONGTEXT      NOT NULL,
    registered_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (event_type, schema_version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
