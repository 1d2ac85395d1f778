package io.streamdingo.store.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the master keys from configuration: a value or a file, previous keys, and clear errors. */
class MasterKeySettingsTest {

    @TempDir
    Path folder;

    private static String randomKey() {
        byte[] bytes = new byte[MasterKey.LENGTH];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static Function<String, Optional<String>> settings(Map<String, String> values) {
        return key -> Optional.ofNullable(values.get(key));
    }

    @Test
    void theMasterKeyIsReadFromItsConfigurationKey() {
        String key = randomKey();

        MasterKeySettings read = MasterKeySettings.read(settings(Map.of("streamdingo.crypto.master-key", key)));

        assertThat(read.current().id()).isEqualTo(MasterKey.parse(key, "test").id());
        assertThat(read.previous()).isEmpty();
    }

    @Test
    void theMasterKeyIsReadFromAFile() throws IOException {
        String key = randomKey();
        Path file = Files.writeString(folder.resolve("master.key"), key + "\n");

        MasterKeySettings read =
                MasterKeySettings.read(settings(Map.of("streamdingo.crypto.master-key-file", file.toString())));

        assertThat(read.current().id()).isEqualTo(MasterKey.parse(key, "test").id());
    }

    @Test
    void aMissingFileIsCreatedWithAFreshKeyReadableByItsOwnerOnlyWhenAskedTo() throws IOException {
        Path file = folder.resolve("keys/master.key");
        Map<String, String> values = Map.of(
                "streamdingo.crypto.master-key-file",
                file.toString(),
                "streamdingo.crypto.create-master-key-file",
                "true");

        MasterKeySettings first = MasterKeySettings.read(settings(values));
        MasterKeySettings again = MasterKeySettings.read(settings(values));

        assertThat(again.current().id()).isEqualTo(first.current().id());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void aMissingFileIsAnErrorNamingItUnlessCreationIsAskedFor() {
        Path file = folder.resolve("absent.key");

        assertThatThrownBy(() ->
                        MasterKeySettings.read(settings(Map.of("streamdingo.crypto.master-key-file", file.toString()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot read master key file " + file);
        assertThat(file).doesNotExist();
    }

    @Test
    void noMasterKeyIsAnErrorNamingTheKeysToSet() {
        assertThatThrownBy(() -> MasterKeySettings.read(settings(Map.of())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("streamdingo.crypto.master-key ")
                .hasMessageContaining("streamdingo.crypto.master-key-file")
                .hasMessageContaining("head -c 32 /dev/urandom | base64");
    }

    @Test
    void aValueThatIsNotAKeyIsNamedByItsSource() {
        assertThatThrownBy(() -> MasterKeySettings.read(settings(Map.of("streamdingo.crypto.master-key", "c2hvcnQ="))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("configuration key streamdingo.crypto.master-key holds 5 bytes");
    }

    @Test
    void aKeyAndAFileTogetherAreRefused() {
        assertThatThrownBy(() -> MasterKeySettings.read(settings(Map.of(
                        "streamdingo.crypto.master-key", randomKey(), "streamdingo.crypto.master-key-file", "/tmp/x"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("set one");
    }

    @Test
    void previousKeysComeFromAListAndFiles() throws IOException {
        String first = randomKey();
        String second = randomKey();
        String third = randomKey();
        Path file = Files.writeString(folder.resolve("old.key"), third);

        MasterKeySettings read = MasterKeySettings.read(settings(Map.of(
                "streamdingo.crypto.master-key", randomKey(),
                "streamdingo.crypto.previous-master-keys", first + ", " + second,
                "streamdingo.crypto.previous-master-key-files", file.toString())));

        assertThat(read.previous())
                .extracting(MasterKey::id)
                .containsExactly(
                        MasterKey.parse(first, "t").id(),
                        MasterKey.parse(second, "t").id(),
                        MasterKey.parse(third, "t").id());
    }
}
