package org.tsunagu.csv;

import org.tsunagu.problems.FieldError;
import org.tsunagu.problems.ProblemException;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The CSV files in a ZIP, as 医療情報ネット publishes them and as municipalities often send theirs.
 * Entries are read in place through {@link ZipFile} — each {@link CsvFile} reopens its entry for every
 * pass — so nothing is extracted, no temporary file can be left behind, and closing this closes all.
 * Entry names from Windows' built-in ZIP are CP932 without the UTF-8 flag: the names are read as
 * UTF-8 (which flagged entries always are) and, when that fails, as CP932.
 *
 * <p>Every entry is bounded in its uncompressed size while it is read (a 413 beyond it), since a few
 * kilobytes of ZIP can inflate to any size.
 */
public final class CsvZip implements Closeable {

    private final ZipFile zip;
    private final long maxEntryBytes;
    private final List<String> csvNames;

    private CsvZip(ZipFile zip, long maxEntryBytes) {
        this.zip = zip;
        this.maxEntryBytes = maxEntryBytes;
        this.csvNames = zip.stream().filter(CsvZip::isCsv).map(ZipEntry::getName).toList();
    }

    /** Whether the file starts as a ZIP does (PK\3\4), so any upload may come zipped. */
    public static boolean isZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return isZip(in.readNBytes(4));
        }
    }

    /** Whether these first bytes of a file are a ZIP's local file header signature. */
    public static boolean isZip(byte[] head) {
        return head != null && head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    /**
     * Opens the ZIP; an entry larger than {@code maxEntryBytes} once inflated is a 413 when it is
     * read. A file that is no ZIP → 400.
     */
    public static CsvZip open(Path file, long maxEntryBytes) throws IOException {
        try {
            return new CsvZip(zip(file, StandardCharsets.UTF_8), maxEntryBytes);
        } catch (IllegalArgumentException | ZipException e) {
            try {
                return new CsvZip(zip(file, CsvTable.CP932), maxEntryBytes);
            } catch (IllegalArgumentException | ZipException again) {
                throw ProblemException.invalid("the file is not a readable ZIP",
                        List.of(FieldError.of("", "ZIP ファイルとして読み取れません")));
            }
        }
    }

    private static ZipFile zip(Path file, Charset names) throws IOException {
        ZipFile zip = new ZipFile(file.toFile(), names);
        try {
            zip.stream().forEach(ZipEntry::getName); // names are decoded here at the latest
            return zip;
        } catch (RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    /** CSV files only: no directories, no macOS resource forks (__MACOSX/, ._name), nothing but .csv. */
    private static boolean isCsv(ZipEntry entry) {
        String name = entry.getName();
        String base = name.substring(name.lastIndexOf('/') + 1);
        return !entry.isDirectory() && !name.startsWith("__MACOSX/") && !name.contains("/__MACOSX/")
                && !base.startsWith("._") && base.toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    /** The names of the CSV entries (with their folders), in the order of the ZIP. */
    public List<String> csvNames() {
        return Collections.unmodifiableList(csvNames);
    }

    /** One CSV entry as a {@link CsvFile}, checked as {@link CsvFile#open} checks; usable while this is open. */
    public CsvFile open(String name) throws IOException {
        ZipEntry entry = csvNames.contains(name) ? zip.getEntry(name) : null;
        if (entry == null) {
            throw ProblemException.notFound("no CSV entry " + name + " in the ZIP");
        }
        return CsvFile.open(name, () -> UploadSpool.limited(zip.getInputStream(entry), maxEntryBytes));
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
