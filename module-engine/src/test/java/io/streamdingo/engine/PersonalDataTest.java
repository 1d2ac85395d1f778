package io.streamdingo.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdingo.api.EventMetadata;
import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.ReadDirection;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.privacy.DataSubject;
import io.streamdingo.api.privacy.PersonalData;
import io.streamdingo.api.spi.EventStoreBackend;
import io.streamdingo.api.spi.SubjectKeyStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Crypto-shredding in the store: personal-data fields are stored encrypted with their subject's key, read back in
 * clear, and read as null with their paths listed once the subject's key is forgotten, while the event, its other
 * fields and the hash chain stay.
 */
class PersonalDataTest {

    record Address(@PersonalData String street, String city) {}

    record Contact(String kind, @PersonalData String value) {}

    @io.streamdingo.api.EventType(name = "test.AccountOpened")
    record AccountOpened(
            @DataSubject String ownerId,
            @PersonalData String ownerName,
            Address address,
            List<Contact> contacts,
            long limit) {}

    @io.streamdingo.api.EventType(name = "test.Deposited")
    record Deposited(long amount) {}

    @io.streamdingo.api.EventType(name = "test.Signed")
    @DataSubject(metadata = "userId")
    record Signed(@PersonalData String signature) {}

    record NoSubject(@PersonalData String name) {}

    @io.streamdingo.api.EventType(name = "test.SalarySet")
    record SalarySet(
            @DataSubject String employeeId,
            @PersonalData java.math.BigDecimal salary,
            java.math.BigDecimal rate,
            @PersonalData java.util.Map<String, java.math.BigDecimal> bonuses) {}

    record PrimitiveSecret(@DataSubject String id, @PersonalData int age) {}

    private final StreamId ada = StreamId.of("account", "ada");
    private final StreamId bob = StreamId.of("account", "bob");
    private final SubjectKeyStore keys = EventStores.inMemorySubjectKeyStore();
    private final EventStoreBackend backend = EventStores.inMemoryBackend();
    private EventStore store;

    @BeforeEach
    void openStore() {
        store = EventStores.builder()
                .backend(backend)
                .subjectKeys(keys)
                .register(AccountOpened.class, Deposited.class, Signed.class, SalarySet.class)
                .build();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private static AccountOpened opened(String id, String name) {
        return new AccountOpened(
                id,
                name,
                new Address("1 " + name + " Lane", "Leeds"),
                List.of(new Contact("email", name + "@example.com"), new Contact("phone", "+44 " + name.length())),
                100);
    }

    private String storedText(StreamId stream, long version) {
        return new String(
                backend.readStream(stream, version, version, ReadDirection.FORWARDS, 1)
                        .get(0)
                        .payload(),
                StandardCharsets.UTF_8);
    }

    @Test
    void eventsWithoutPersonalDataAreStoredAsTheSerializerWroteThem() {
        store.append(ada, ExpectedVersion.noStream(), NewEvent.of(new Deposited(5)));

        assertThat(storedText(ada, 1)).isEqualTo("{\"amount\":5}");
    }

    @Test
    void theSubjectCanBeAMetadataEntry() {
        store.append(
                ada,
                ExpectedVersion.noStream(),
                NewEvent.of(new Signed("Ada Lovelace"))
                        .withMetadata(EventMetadata.empty().withUserId("ada-1")));
        assertThat(storedText(ada, 1)).doesNotContain("Lovelace");

        keys.forget("ada-1");

        RecordedEvent read = store.read(ada).findFirst().orElseThrow();
        assertThat(read.payload()).isEqualTo(new Signed(null));
        assertThat(read.metadata().redactedFields()).containsExactly("signature");
    }

    @Test
    void anEventWithPersonalDataButNoSubjectIdIsRefused() {
        assertThatThrownBy(() -> store.append(ada, ExpectedVersion.noStream(), NewEvent.of(new Signed("x"))))
                .hasMessageContaining("holds personal data but names no data subject")
                .hasMessageContaining("userId");
        assertThat(backend.streamInfo(ada)).isEmpty();
    }

    @Test
    void anAppendMayNotSetTheRedactedHeader() {
        assertThatThrownBy(() -> store.append(
                        ada,
                        ExpectedVersion.noStream(),
                        NewEvent.of(new Deposited(1))
                                .withMetadata(EventMetadata.empty().withHeader(EventMetadata.REDACTED_HEADER, "x"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(EventMetadata.REDACTED_HEADER);
    }

    @Test
    void personalDataWithoutADataSubjectFailsTheBuild() {
        assertThatThrownBy(() -> EventStores.inMemory(NoSubject.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has @PersonalData fields (name …) but no @DataSubject");
    }

    @Test
    void aPrimitivePersonalFieldFailsTheBuild() {
        assertThatThrownBy(() -> EventStores.inMemory(PrimitiveSecret.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("marks the primitive age as @PersonalData");
    }

    @Test
    void aStoreOutsideMemoryNeedsAKeyStore() {
        EventStoreBackend memory = EventStores.inMemoryBackend();
        // any backend the engine does not know to be in memory, such as a database's
        EventStoreBackend notInMemory = (EventStoreBackend) java.lang.reflect.Proxy.newProxyInstance(
                EventStoreBackend.class.getClassLoader(),
                new Class<?>[] {EventStoreBackend.class},
                (proxy, method, args) -> method.invoke(memory, args));

        assertThatThrownBy(() -> EventStores.builder()
                        .backend(notInMemory)
                        .register(Signed.class)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no key store for the data subjects' keys is configured");
    }

    @Test
    void forgettingOnAStoreWithoutPersonalDataOrKeysIsRefusedNamingTheFix() {
        try (EventStore plain = EventStores.inMemory(Deposited.class)) {
            assertThatThrownBy(() -> plain.forget("ada-1"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("keeps no data subjects' keys")
                    .hasMessageContaining("EventStoreBuilder.subjectKeys");
        }
    }

    @Test
    void aKeyStoreGivenLazilyIsNotAskedForWithoutPersonalData() {
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();

        try (EventStore plain = EventStores.builder()
                .subjectKeys(() -> {
                    asked.incrementAndGet();
                    return keys;
                })
                .register(Deposited.class)
                .build()) {
            plain.append(ada, ExpectedVersion.noStream(), NewEvent.of(new Deposited(1)));
        }

        assertThat(asked).hasValue(0);
    }

    @Test
    void forgettingThroughTheStoreDeletesTheSubjectsKey() {
        store.append(
                ada,
                ExpectedVersion.noStream(),
                NewEvent.of(new Signed("Ada"))
                        .withMetadata(EventMetadata.empty().withUserId("ada-1")));
        String keyId = keys.currentKey("ada-1").keyId();

        store.forget("ada-1");

        assertThat(keys.key("ada-1", keyId)).isEmpty();
    }

    @Test
    void numbersInAndAroundPersonalDataComeBackExactly() {
        SalarySet set = new SalarySet(
                "ada-1",
                new java.math.BigDecimal("52000.10"),
                new java.math.BigDecimal("0.1000"),
                java.util.Map.of(
                        "q1",
                        new java.math.BigDecimal("1E+3"),
                        "q2",
                        new java.math.BigDecimal("12345678901234567890.5")));

        store.append(ada, ExpectedVersion.noStream(), NewEvent.of(set));

        SalarySet read = (SalarySet) store.read(ada).findFirst().orElseThrow().payload();
        assertThat(read.salary()).isEqualTo(set.salary()).hasScaleOf(2);
        assertThat(read.rate()).isEqualTo(set.rate()).hasScaleOf(4);
        assertThat(read.bonuses()).isEqualTo(set.bonuses());
        assertThat(storedText(ada, 1)).doesNotContain("52000").doesNotContain("12345678901234567890");
    }

    /** Pure handlers that count the names they see. */
    static final class NameCount {
        @io.streamdingo.api.replay.InitialState
        static Integer none() {
            return 0;
        }

        @io.streamdingo.api.replay.EventHandler
        static Integer signed(Integer count, Signed event) {
            return event.signature() == null ? count : count + 1;
        }
    }

    @Test
    void aReplayAsksTheKeyStoreOnceForASubjectsKeyNotOncePerEvent() {
        java.util.concurrent.atomic.AtomicInteger lookups = new java.util.concurrent.atomic.AtomicInteger();
        SubjectKeyStore counting = new SubjectKeyStore() {
            @Override
            public io.streamdingo.api.spi.DataKey currentKey(String subject) {
                return keys.currentKey(subject);
            }

            @Override
            public java.util.Optional<io.streamdingo.api.spi.DataKey> key(String subject, String keyId) {
                lookups.incrementAndGet();
                return keys.key(subject, keyId);
            }

            @Override
            public boolean forget(String subject) {
                return keys.forget(subject);
            }
        };
        StoreEngine engine = EventStores.builder()
                .subjectKeys(counting)
                .register(Signed.class)
                .buildEngine();
        StreamId signatures = StreamId.of("signatures", "ada");
        for (int i = 0; i < 10; i++) {
            engine.store()
                    .append(
                            signatures,
                            ExpectedVersion.any(),
                            NewEvent.of(new Signed("Ada " + i))
                                    .withMetadata(EventMetadata.empty().withUserId("ada-1")));
        }

        Integer names = EventStores.replayEngine(engine)
                .replay(
                        io.streamdingo.api.replay.AggregateType.of("signatures", Integer.class, NameCount.class),
                        signatures)
                .state();

        assertThat(names).isEqualTo(10);
        assertThat(lookups).hasValue(1);
        engine.close();
    }

    @Test
    void aKeptDecodedEventIsSharedUntilItsSubjectIsForgottenAndThenReadsRedacted() {
        store.append(
                ada,
                ExpectedVersion.noStream(),
                NewEvent.of(new Signed("Ada"))
                        .withMetadata(EventMetadata.empty().withUserId("ada-1")));
        RecordedEvent first = store.read(ada).findFirst().orElseThrow();
        RecordedEvent again = store.read(ada).findFirst().orElseThrow();

        store.forget("ada-1");
        RecordedEvent after = store.read(ada).findFirst().orElseThrow();

        assertThat(again).as("kept decoded while the key exists").isSameAs(first);
        assertThat(after.payload()).isEqualTo(new Signed(null));
        assertThat(after.metadata().redactedFields()).containsExactly("signature");
    }
}
