package org.tsunagu.areas.control;

import org.tsunagu.areas.entity.GeoPoint;

import java.util.List;

/**
 * The towns of one municipality as a national address registry lists them, after the file was read
 * and checked: what {@link RegistryTownImport} merges into the portal's towns.
 *
 * @param towns the municipality's towns, each (name, 小字) once, in file order
 * @param rowsRead data rows in the file (all municipalities)
 * @param skippedOtherMunicipality rows of other municipalities, skipped
 */
public record RegistryTowns(String municipality, List<Entry> towns, int rowsRead, int skippedOtherMunicipality) {

    /** One town: name (大字町丁目), 小字 ("" when none), katakana reading (null when none), point (null when none). */
    public record Entry(int line, String name, String koaza, String kana, GeoPoint point) {

        String key() {
            return name + "\u0000" + koaza;
        }

        /** 光が丘二丁目, or 根 木戸前 for a 小字 (as Town.displayName). */
        public String displayName() {
            return koaza.isEmpty() ? name : name + " " + koaza;
        }
    }
}
