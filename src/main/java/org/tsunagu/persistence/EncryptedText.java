package org.tsunagu.persistence;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Seals and opens the personal text attributes of alerts ({@link FieldCipher}) for the entities that
 * hold them: each such entity keeps the sealed text in its column field and opens it in its getter,
 * naming the value's place (table, column, the row's receipt number), so the database holds only
 * ciphertext bound to where it belongs. Not a JPA converter on purpose: a converter never learns
 * which row a value belongs to, so a value moved to another alert would still open there.
 * Fields that queries filter or group by are never sealed.
 * <p>
 * The key ring is TSUNAGU_ALERT_KEYS. Only the embedded demo profile may start without it: then a
 * key is generated once and kept in {@code TSUNAGU_DATA_DIR/alert-keys} (owner-only), next to the
 * database it protects; a production start without keys is refused by {@link StartGuard}.
 */
public final class EncryptedText {

    private static final Logger LOG = Logger.getLogger(EncryptedText.class.getName());
    static final String KEY_FILE = "alert-keys";
    private static volatile FieldCipher cipher;

    private EncryptedText() {
    }

    /** Seals {@code plain} for {@code table.column} of the row {@code rowKey}; null stays null. */
    public static String seal(String plain, String table, String column, String rowKey) {
        return plain == null ? null : cipher().seal(plain, FieldCipher.place(table, column, rowKey));
    }

    /** Opens what {@link #seal} stored there; refuses a value sealed for another place. */
    public static String open(String stored, String table, String column, String rowKey) {
        return stored == null ? null : cipher().open(stored, FieldCipher.place(table, column, rowKey));
    }

    /** Uses this ring instead of the configured one: for tests and tools that run outside the portal. */
    public static void use(FieldCipher ring) {
        cipher = ring;
    }

    /** The configured key ring, loaded once (the generated demo key created on first use). */
    public static FieldCipher cipher() {
        FieldCipher c = cipher;
        if (c == null) {
            synchronized (EncryptedText.class) {
                c = cipher;
                if (c == null) {
                    c = load(ConfigProvider.getConfig(EncryptedText.class.getClassLoader()));
                    cipher = c;
                }
            }
        }
        return c;
    }

    static FieldCipher load(Config config) {
        Optional<String> ring = config.getOptionalValue("tsunagu.alert.keys", String.class).filter(s -> !s.isBlank());
        if (ring.isPresent()) {
            return FieldCipher.parse(ring.get());
        }
        boolean demo = config.getOptionalValue("tsunagu.demo", Boolean.class).orElse(true);
        String url = config.getOptionalValue("tsunagu.db.url", String.class).orElse("");
        if (StartGuard.production(url, demo)) {
            throw new IllegalStateException("TSUNAGU_ALERT_KEYS is not set; a production start needs the key ring");
        }
        Path dir = Path.of(config.getOptionalValue("tsunagu.data.dir", String.class).orElse("./data"));
        return FieldCipher.parse(generatedDemoKey(dir.resolve(KEY_FILE)));
    }

    /** The demo profile's key ring from its file, created with a new random key the first time. */
    static String generatedDemoKey(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                String ring = "demo:" + FieldCipher.newKey();
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException noPosix) {
                    Files.createFile(file);
                } catch (FileAlreadyExistsException raced) {
                    return Files.readString(file, StandardCharsets.US_ASCII).strip();
                }
                Files.writeString(file, ring + "\n", StandardCharsets.US_ASCII);
                LOG.info("demo profile: generated the alert encryption key in " + file.toAbsolutePath()
                        + " (set TSUNAGU_ALERT_KEYS for production)");
                return ring;
            }
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the demo alert key " + file, e);
        }
    }
}
