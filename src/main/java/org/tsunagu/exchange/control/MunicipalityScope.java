package org.tsunagu.exchange.control;

import java.util.Set;
import java.util.TreeSet;

/**
 * Which municipalities' rows an import takes (api.md {@code municipality=}, {@code prefecture=}): the
 * national files hold every municipality of the country, and a row of another municipality must be
 * skipped and counted, never filed under the portal's own. {@link #unspecified()} is an admin who named
 * none: the file then decides, as long as it holds only one municipality.
 */
public record MunicipalityScope(Set<String> codes, String prefecture) {

    public MunicipalityScope {
        codes = Set.copyOf(new TreeSet<>(codes == null ? Set.of() : codes));
        if (prefecture != null && !prefecture.matches("\\d{2}")) {
            throw new IllegalArgumentException("a prefecture code has 2 digits: " + prefecture);
        }
    }

    public static MunicipalityScope of(Set<String> codes) {
        return new MunicipalityScope(codes, null);
    }

    public static MunicipalityScope ofPrefecture(String prefecture) {
        return new MunicipalityScope(Set.of(), prefecture);
    }

    public static MunicipalityScope unspecified() {
        return new MunicipalityScope(Set.of(), null);
    }

    public boolean isUnspecified() {
        return codes.isEmpty() && prefecture == null;
    }

    /** Whether a row of this municipality (6-digit code) is imported. */
    public boolean accepts(String code) {
        if (isUnspecified()) {
            return true;
        }
        if (code == null || code.length() != 6) {
            return false;
        }
        return prefecture != null ? code.startsWith(prefecture) : codes.contains(code);
    }

    /** The job's key part: 「131202,132110」 or 「pref:13」 (or 「*」 when unspecified). */
    public String key() {
        if (prefecture != null) {
            return "pref:" + prefecture;
        }
        return codes.isEmpty() ? "*" : String.join(",", new TreeSet<>(codes));
    }

    /** The scope a job's key names. */
    public static MunicipalityScope ofKey(String key) {
        if (key == null || key.equals("*")) {
            return unspecified();
        }
        if (key.startsWith("pref:")) {
            return ofPrefecture(key.substring(5));
        }
        return of(Set.of(key.split(",")));
    }
}
