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

    /** The state an account's events rebuild: the owner's name (personal data) and the limit. */
    record Owner(String name, long limit) {}

    /** Pure handlers of {@link Owner}. */
    static final class OwnerHandlers {
        @io.streamdingo.api.replay.InitialState
        static Owner initial() {
            return new Owner(null, 0);
        }

        @io.streamdingo.api.replay.EventHandler
        static Owner opened(Owner owner, AccountOpened event) {
            return new Owner(event.ownerName(), event.limit());
        }

        @io.streamdingo.api.replay.EventHandler
        static Owner deposited(Owner owner, Deposited event) {
            return new Owner(owner.name(), owner.limit() + event.amount());
        }
    }

    private static final io.streamdingo.api.replay.AggregateType<Owner> OWNER =
            io.streamdingo.api.replay.AggregateType.of("account", Owner.class, OwnerHandlers.class)
                    .withSnapshotPolicy(io.streamdingo.api.replay.SnapshotPolicy.everyEvents(1));

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
                .register(AccountOpened.class, Deposited.class, Signed.class)
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
    void personalDataIsStoredEncryptedAndReadInClear() {
        store.append(ada, ExpectedVersion.noStream(), NewEvent.of(opened("ada-1", "Ada")));

        String stored = storedText(ada, 1);
        RecordedEvent read = store.read(ada).findFirst().orElseThrow();

        assertThat(stored)
                .doesNotContain("Ada")
                .contains("\"ownerId\":\"ada-1\"")
                .contains("Leeds")
                .contains("sd-enc:v1:");
        assertThat(read.payload()).isEqualTo(opened("ada-1", "Ada"));
        assertThat(read.metadata().redactedFields()).isEmpty();
    }

    @Test
    void afterForgettingTheSubjectItsPersonalDataReadsAsNullWithThePathsListed() {
        store.append(ada, ExpectedVersion.noStream(), NewEvent.of(opened("ada-1", "Ada")));

        keys.forget("ada-1");
        RecordedEvent read = store.read(ada).findFirst().orElseThrow();

        AccountOpened payload = (AccountOpened) read.payload();
        assertThat(payload.ownerId()).isEqualTo("ada-1");
        assertThat(payload.ownerName()).isNull();
        assertThat(payload.address()).isEqualTo(new Address(null, "Leeds"));
        assertThat(payload.contacts()).containsExactly(new Contact("email", null), new Contact("phone", null));
        assertThat(payload.limit()).isEqualTo(100);
        assertThat(read.metadata().redactedFields())
                .containsExactly("ownerName", "address.street", "contacts[0].value", "contacts[1].value");
    }

    @Test
    void forgettingOneSubjectLeavesAnothersDataReadable() {
        store.append(ada, ExpectedVersion.noStream(), NewEvent.of(opened("ada-1", "Ada")));
        store.append(bob, ExpectedVersion.noStream(), NewEvent.of(opened("bob-1", "Bob")));

        keys.forget("ada-1");

        assertThat(store.read(bob).findFirst().orElseThrow().payload()).isEqualTo(opened("bob-1", "Bob"));
    }

    @Test
    void theHashChainVerifiesBeforeAndAfterForgetting() {
        store.append(ada, ExpectedVersion.noStream(), NewEvent.of(opened("ada-1", "Ada")));
        store.append(ada, ExpectedVersion.exact(1), NewEvent.of(new Deposited(5)));
        assertThat(store.verify(ada).intact()).isTrue();

        keys.forget("ada-1");

        assertThat(store.verify(ada).intact()).isTrue();
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
    void replayAfterForgettingRebuildsTheStateWithTheRedactedFieldsAsNull() {
        StoreEngine engine = EventStores.builder()
                .backend(EventStores.inMemoryBackend())
                .subjectKeys(keys)
                .register(AccountOpened.class, Deposited.class, Signed.class)
                .buildEngine();
        engine.store().append(ada, ExpectedVersion.noStream(), NewEvent.of(opened("ada-1", "Ada")));
        engine.store().append(ada, ExpectedVersion.exact(1), NewEvent.of(new Deposited(5)));
        io.streamdingo.api.spi.SnapshotStore snapshots = EventStores.inMemorySnapshotStore();
        io.streamdingo.api.replay.ReplayEngine replay = EventStores.replayEngine(engine, snapshots);
        assertThat(replay.load(OWNER, ada).state()).isEqualTo(new Owner("Ada", 105));

        keys.forget("ada-1");

        assertThat(replay.load(OWNER, ada).state()).isEqualTo(new Owner(null, 105));
        assertThat(snapshots.list(ada, "account")).isEmpty();
        assertThatThrownBy(() -> replay.snapshot(OWNER, ada))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("holds personal data")
                .hasMessageContaining("never kept in a snapshot");
        engine.close();
    }
}
