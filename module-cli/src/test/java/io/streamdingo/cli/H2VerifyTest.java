package io.streamdingo.cli;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class H2VerifyTest extends VerifyContract {

    @TempDir
    Path folder;

    @Override
    TestStore newStore() {
        return TestStore.h2(folder, "store");
    }
}
