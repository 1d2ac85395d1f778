-- The schema registry (SE-3): each registered event type and schema version with its Java class, the JSON
-- Schema generated from it, that schema's SHA-256 and the upcast path to the newest version.
CREATE TABLE sd_event_schemas (
    event_type     VARCHAR(200)  COLLATE "C" NOT NULL,
    schema_version INTEGER       NOT NULL,
    java_type      VARCHAR(1000) NOT NULL,
    json_schema    TEXT          NOT NULL,
    fingerprint    CHAR(64)      NOT NULL,
    upcast_path    TEXT          NOT NULL,
    registered_at  TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (event_type, schema_version)
);
