package io.streamdingo.store.jpa;

import io.streamdingo.api.spi.DataKey;
import io.streamdingo.api.spi.SubjectKeyStore;
import io.streamdingo.store.jpa.sql.Dialect;
import io.streamdingo.store.jpa.sql.SubjectKeyRows;
import jakarta.persistence.EntityManagerFactory;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@link SubjectKeyStore} in the table {@code sd_subject_keys}: one row per data subject with its key wrapped
 * by the {@link MasterKey}, never in clear, so a copy of the database alone opens nothing. Shared by the servers
 * of one database; each call is a transaction of its own (a caller's JTA transaction is suspended, so a forgotten
 * key stays forgotten whatever the caller's transaction does).
 *
 * <p><b>Rotating the master key</b> re-wraps the keys and touches no event: configure the new key as the current
 * one and the old one as previous on every server, call {@link #rewrap()} once, then drop the previous key.
 */
public final class JpaSubjectKeyStore implements SubjectKeyStore {

    private static final int REWRAP_BATCH = 500;

    private final UnitOfWork unit;
    private final SubjectKeyRows rows;
    private final MasterKey current;
    private final Map<String, MasterKey> openers = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /**
     * A key store over {@code emf}, whose database has StreamDingo's tables (see {@link SchemaMigrations}),
     * wrapping new keys with {@code current} and opening those that {@code previous} keys wrapped until they are
     * {@linkplain #rewrap() re-wrapped}.
     *
     * @throws IllegalStateException naming the master key ids if the stored keys were wrapped by a master key
     *     that is neither {@code current} nor one of {@code previous}: the configured key is wrong. Nothing is
     *     read or written then.
     * @throws io.streamdingo.api.StoreUnavailableException if the database cannot be reached
     */
    public JpaSubjectKeyStore(EntityManagerFactory emf, MasterKey current, List<MasterKey> previous) {
        this.unit = new UnitOfWork(emf);
        this.current = Objects.requireNonNull(current, "current master key must not be null");
        openers.put(current.id(), current);
        for (MasterKey key : previous) {
            openers.putIfAbsent(key.id(), key);
        }
        this.rows = new SubjectKeyRows(
                unit.inTransaction("detect the database", (em, connection) -> Dialect.of(connection)));
        List<String> stored =
                unit.inTransaction("check the master key", (em, connection) -> rows.masterKeyIds(connection));
        List<String> unknown = new ArrayList<>(stored);
        unknown.removeAll(openers.keySet());
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("the data subjects' keys in sd_subject_keys were wrapped by master key "
                    + String.join(", ", unknown) + ", but the configured master key is " + current.id()
                    + (openers.size() > 1 ? " (previous: " + String.join(", ", previousIds()) + ")" : "")
                    + ": configure the master key they were wrapped with (as the previous key while rotating);"
                    + " nothing was read or changed");
        }
    }

    /**
     * A key store in the database of {@code backend}, with the master keys of {@code masterKeys}.
     *
     * @throws IllegalStateException as the constructor
     */
    public static JpaSubjectKeyStore beside(JpaEventStoreBackend backend, MasterKeySettings masterKeys) {
        return new JpaSubjectKeyStore(backend.factory(), masterKeys.current(), masterKeys.previous());
    }

    @Override
    public DataKey currentKey(String subject) {
        SubjectKeyStore.requireValidSubject(subject);
        Optional<DataKey> existing = read(subject);
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] key = new byte[DataKey.LENGTH];
        random.nextBytes(key);
        String keyId = UUID.randomUUID().toString();
        SubjectKeyRows.Row row =
                new SubjectKeyRows.Row(subject, keyId, current.id(), current.wrap(subject, keyId, key));
        try {
            unit.inSeparateTransaction(
                    "keep a data subject's key",
                    (em, connection) -> rows.insertIfAbsent(connection, row, Instant.now()));
        } catch (UnitOfWork.UniqueViolation e) {
            // H2 has no insert-if-absent: another caller created the subject's key first; it is read below
        }
        return read(subject)
                .orElseThrow(() -> new IllegalStateException("the key of data subject '" + subject
                        + "' was forgotten while it was being created; try again"));
    }

    @Override
    public Optional<DataKey> key(String subject, String keyId) {
        SubjectKeyStore.requireValidSubject(subject);
        Objects.requireNonNull(keyId, "keyId must not be null");
        return read(subject).filter(key -> key.keyId().equals(keyId));
    }

    @Override
    public boolean forget(String subject) {
        SubjectKeyStore.requireValidSubject(subject);
        return unit.inSeparateTransaction(
                "forget a data subject's key", (em, connection) -> rows.delete(connection, subject));
    }

    /**
     * Re-wraps every key that a previous master key wrapped with the current one, in transactions of up to 500
     * keys; servers may run meanwhile. Events are not touched: they are encrypted with the subjects' keys, which
     * stay the same.
     *
     * @return how many keys were re-wrapped
     */
    public long rewrap() {
        long rewrapped = 0;
        for (String previousId : previousIds()) {
            MasterKey previous = openers.get(previousId);
            while (true) {
                List<SubjectKeyRows.Row> batch = unit.inTransaction(
                        "read keys to re-wrap",
                        (em, connection) -> rows.wrappedBy(connection, previousId, REWRAP_BATCH));
                if (batch.isEmpty()) {
                    break;
                }
                rewrapped += unit.inSeparateTransaction("re-wrap data subjects' keys", (em, connection) -> {
                    long done = 0;
                    for (SubjectKeyRows.Row row : batch) {
                        byte[] key = previous.unwrap(row.subject(), row.keyId(), row.wrappedKey());
                        if (rows.rewrap(connection, row, current.id(), current.wrap(row.subject(), row.keyId(), key))) {
                            done++;
                        }
                    }
                    return done;
                });
            }
        }
        return rewrapped;
    }

    private List<String> previousIds() {
        List<String> ids = new ArrayList<>(openers.keySet());
        ids.remove(current.id());
        return ids;
    }

    private Optional<DataKey> read(String subject) {
        Optional<SubjectKeyRows.Row> row =
                unit.inTransaction("read a data subject's key", (em, connection) -> rows.find(connection, subject));
        return row.map(found -> {
            MasterKey opener = openers.get(found.masterKeyId());
            if (opener == null) {
                throw new IllegalStateException("the key of data subject '" + subject + "' was wrapped by master key "
                        + found.masterKeyId() + ", which is not configured (current: " + current.id() + ")");
            }
            return new DataKey(subject, found.keyId(), opener.unwrap(subject, found.keyId(), found.wrappedKey()));
        });
    }
}
