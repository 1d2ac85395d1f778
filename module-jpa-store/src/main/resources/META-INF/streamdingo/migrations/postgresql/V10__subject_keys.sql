-- Crypto-shredding: each data subject's current key, wrapped by a master key (AES-GCM, the subject and key id as
-- associated data) and named by that master key's id; never a key in clear. Forgetting a subject deletes its
-- row, and with it the only way to read what the key encrypted.
CREATE TABLE sd_subject_keys (
    subject       VARCHAR(200) COLLATE "C" NOT NULL,
    key_id        VARCHAR(36)  NOT NULL,
    master_key_id VARCHAR(16)  NOT NULL,
    wrapped_key   VARCHAR(200) NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (subject)
);
