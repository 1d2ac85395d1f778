package io.streamdingo.cli;

class PostgresVerifyTest extends VerifyContract {

    @Override
    TestStore newStore() throws Exception {
        return TestStore.postgres();
    }
}
