package org.tsunagu.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
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
 * Maps a personal text attribute to its sealed column ({@link FieldCipher}): the entity holds the
 * plain text, the database only ciphertext. Applied with {@code @Convert} to the personal fields of
 * alerts; fields that queries filter or group by are never converted. Legacy plaintext in a column
 * is read as it is (and sealed on the next write of that attribute, or by the start-up job).
 * <p>
 * The key ring is TSUNAGU_ALERT_KEYS. Only the embedded demo profile may start without it: then a
 * key is generated once and kept in {@code TSUNAGU_DATA_DIR/alert-keys} (owner-only), next to the
 * database it protects; a production start without keys is refused by {@link StartGuard}.
 */
@Converter
public class EncryptedText implements AttributeConverter<String, String> {

    private static final Logger LOG = Logger.getLogger(EncryptedText.class.getName());
    static final String KEY_FILE = "alert-keys";
    private static volatile FieldCipher cipher;

    @Override
    public String convertToDatabaseColumn(String plain) {
        return cipher().seal(plain);
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return cipher().open(stored);
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
