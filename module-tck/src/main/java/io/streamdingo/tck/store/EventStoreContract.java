package io.streamdingo.tck.store;

/**
 * The whole event-store contract (ES-1 to ES-9, SE-1, SE-2, HS-4, HS-5, SN-1 to SN-4) for one backend.
 * Subclass it once, return your backend from {@link #newBackend()}, and every capability's tests run against
 * it. Override {@link #newSnapshotStore()} to run the replay tests on your snapshot store, and
 * {@link #storageTampering} to tamper with your storage itself in the integrity tests:
 *
 * <pre>{@code
 * class PostgresEventStoreContractTest extends EventStoreContract {
 *     @Override
 *     protected EventStoreBackend newBackend() {
 *         return new JpaEventStoreBackend(entityManagerFactory);
 *     }
 * }
 * }</pre>
 */
public abstract class EventStoreContract extends EventStoreFixture
        implements AppendContract,
                ReadContract,
                CurrentVersionContract,
                GlobalOrderContract,
                MetadataContract,
                PolymorphismContract,
                UpcastingContract,
                SessionContract,
                StreamCatalogContract,
                BadInputContract,
                ConcurrencyContract,
                LifecycleContract,
                IntegrityContract,
                ReplayContract,
                PersonalDataContract,
                AggregateRepositoryContract {}
