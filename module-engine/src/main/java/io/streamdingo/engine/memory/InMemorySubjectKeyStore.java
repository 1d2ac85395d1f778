package io.streamdingo.engine.memory;

import io.streamdingo.api.spi.DataKey;
import io.streamdingo.api.spi.SubjectKeyStore;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reference {@link SubjectKeyStore}: keys in a map for the life of the process, fresh 256-bit keys from a
 * {@link SecureRandom}. For tests and applications whose events are in memory too; a forgotten key is gone from
 * the map at once.
 */
public final class InMemorySubjectKeyStore implements SubjectKeyStore {

    private final SecureRandom random = new SecureRandom();
    private final Map<String, DataKey> keys = new ConcurrentHashMap<>();

    @Override
    public DataKey currentKey(String subject) {
        SubjectKeyStore.requireValidSubject(subject);
        return keys.computeIfAbsent(subject, this::newKey);
    }

    @Override
    public Optional<DataKey> key(String subject, String keyId) {
        SubjectKeyStore.requireValidSubject(subject);
        Objects.requireNonNull(keyId, "keyId must not be null");
        return Optional.ofNullable(keys.get(subject)).filter(key -> key.keyId().equals(keyId));
    }

    @Override
    public boolean forget(String subject) {
        SubjectKeyStore.requireValidSubject(subject);
        return keys.remove(subject) != null;
    }

    private DataKey newKey(String subject) {
        byte[] key = new byte[DataKey.LENGTH];
        random.nextBytes(key);
        return new DataKey(subject, UUID.randomUUID().toString(), key);
    }
}
