package io.streamdingo.store.jpa;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The master keys as configured: the current one, which wraps new data-subject keys, and the previous ones, which
 * still open keys wrapped before a rotation. Read from MicroProfile Config in a server, from system properties and
 * environment variables in plain Java:
 *
 * <table>
 *   <caption>Configuration keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code streamdingo.crypto.master-key}</td><td>none</td>
 *       <td>the master key, 32 random bytes in base64 (from the server's secret store or an environment variable)</td></tr>
 *   <tr><td>{@code streamdingo.crypto.master-key-file}</td><td>none</td>
 *       <td>a file holding it instead, readable by the server alone</td></tr>
 *   <tr><td>{@code streamdingo.crypto.create-master-key-file}</td><td>{@code false}</td>
 *       <td>create that file with a fresh random key if it does not exist (for development and demos; owner-only
 *       permissions where the file system has them)</td></tr>
 *   <tr><td>{@code streamdingo.crypto.previous-master-keys}</td><td>none</td>
 *       <td>comma-separated earlier master keys, while rotating</td></tr>
 *   <tr><td>{@code streamdingo.crypto.previous-master-key-files}</td><td>none</td>
 *       <td>comma-separated files holding earlier master keys</td></tr>
 * </table>
 *
 * @param current the master key new keys are wrapped with
 * @param previous earlier master keys, for keys not yet re-wrapped
 */
public record MasterKeySettings(MasterKey current, List<MasterKey> previous) {

    /** The prefix of the keys. */
    public static final String PREFIX = "streamdingo.crypto.";

    private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> OWNER_ONLY =
            PosixFilePermissions.fromString("rw-------");

    private static final System.Logger LOG = System.getLogger(MasterKeySettings.class.getName());

    public MasterKeySettings {
        previous = List.copyOf(previous);
    }

    /**
     * The master keys {@code settings} configure.
     *
     * @throws IllegalStateException if no master key is configured, naming the keys to set
     * @throws IllegalArgumentException naming the key or file whose value is not a master key, or both the key
     *     and the file are set
     */
    public static MasterKeySettings read(Function<String, Optional<String>> settings) {
        Optional<String> text = value(settings, "master-key");
        Optional<String> file = value(settings, "master-key-file");
        if (text.isPresent() && file.isPresent()) {
            throw new IllegalArgumentException("both " + PREFIX + "master-key and " + PREFIX
                    + "master-key-file are set; set one, so that it is clear which key wraps the data subjects' keys");
        }
        MasterKey current;
        if (text.isPresent()) {
            current = MasterKey.parse(text.get(), "configuration key " + PREFIX + "master-key");
        } else if (file.isPresent()) {
            boolean create = value(settings, "create-master-key-file")
                    .map(Boolean::parseBoolean)
                    .orElse(false);
            current = fromFile(Path.of(file.get()), create);
        } else {
            throw new IllegalStateException("event types hold @PersonalData, whose values are encrypted with keys per"
                    + " data subject, and those keys are kept wrapped by a master key: set " + PREFIX
                    + "master-key (32 random bytes in base64, e.g. from: head -c 32 /dev/urandom | base64) or "
                    + PREFIX + "master-key-file");
        }
        List<MasterKey> previous = new ArrayList<>();
        for (String key : list(settings, "previous-master-keys")) {
            previous.add(MasterKey.parse(key, "an entry of configuration key " + PREFIX + "previous-master-keys"));
        }
        for (String path : list(settings, "previous-master-key-files")) {
            previous.add(fromFile(Path.of(path), false));
        }
        return new MasterKeySettings(current, previous);
    }

    private static MasterKey fromFile(Path file, boolean create) {
        if (create && !Files.exists(file)) {
            createKeyFile(file);
        }
        try {
            return MasterKey.parse(Files.readString(file, StandardCharsets.US_ASCII), "master key file " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read master key file " + file + " (" + e + "); check " + PREFIX
                    + "master-key-file and the file's permissions");
        }
    }

    /**
     * Writes a fresh key to a file of its own, then links it in place: the link fails if another server created
     * the file meanwhile, so every server reads the one key, never a file half written.
     */
    private static void createKeyFile(Path file) {
        byte[] key = new byte[MasterKey.LENGTH];
        new SecureRandom().nextBytes(key);
        Path written = null;
        try {
            Path folder = file.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            try {
                written = Files.createTempFile(
                        folder, ".master-key", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (UnsupportedOperationException e) {
                written = Files.createTempFile(folder, ".master-key", ".tmp");
            }
            Files.writeString(written, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            Files.createLink(file, written);
            LOG.log(
                    System.Logger.Level.WARNING,
                    "created master key file {0} with a new random key: losing it makes every data subject''s"
                            + " personal data unreadable; back it up apart from the database, or configure your own key",
                    file);
        } catch (FileAlreadyExistsException e) {
            // another server created it first: read theirs
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create master key file " + file + " (" + e + ")");
        } finally {
            Arrays.fill(key, (byte) 0);
            if (written != null) {
                try {
                    Files.deleteIfExists(written);
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.WARNING, "cannot delete {0}: {1}", written, e);
                }
            }
        }
    }

    private static Optional<String> value(Function<String, Optional<String>> settings, String key) {
        return settings.apply(PREFIX + key).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static List<String> list(Function<String, Optional<String>> settings, String key) {
        return value(settings, key)
                .map(v -> Arrays.stream(v.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList())
                .orElse(List.of());
    }
}
