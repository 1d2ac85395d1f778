package io.streamdingo.cli;

class MariaDbVerifyTest extends VerifyContract {

    @Override
    TestStore newStore() throws Exception {
        return TestStore.mariadb();
    }
}
