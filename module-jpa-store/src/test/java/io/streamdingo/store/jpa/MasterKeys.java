package io.streamdingo.store.jpa;

import java.security.SecureRandom;

/** Master keys for the key-store tests: random for each run, so no test depends on a key in the repository. */
final class MasterKeys {

    static final MasterKey FIRST = random();
    static final MasterKey SECOND = random();

    private MasterKeys() {}

    static MasterKey random() {
        byte[] bytes = new byte[MasterKey.LENGTH];
        new SecureRandom().nextBytes(bytes);
        return MasterKey.of(bytes);
    }
}
