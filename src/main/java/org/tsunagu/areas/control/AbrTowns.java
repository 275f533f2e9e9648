package org.tsunagu.areas.control;

import org.tsunagu.areas.entity.GeoPoint;
import org.tsunagu.areas.entity.Municipality;
import org.tsunagu.problems.FieldError;
import org.tsunagu.problems.ProblemException;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the アドレス・ベース・レジストリ 町字マスター ({@code mt_town_prefNN.csv}) and its position file
 * ({@code mt_town_pos_prefNN.csv}), one after the other as they stream in, in either order: which is which
 * is told by the header (oaza_cho or rep_lat), not by the file name. Only the municipality's rows are kept;
 * they are joined on lg_code + machiaza_id. The town is oaza_cho + chome, its reading oaza_cho_kana +
 * chome_kana, the 小字 koaza, the point rep_lat/rep_lon (EPSG:6668, JGD2011, taken as WGS84: they differ by
 * less than a metre). A 町字 with an abolition date (ablt_date) no longer exists and is left out.
 */
public final class AbrTowns {

    static final String LG_CODE = "lg_code";
    static final String ID = "machiaza_id";
    static final String OAZA = "oaza_cho";
    static final String CHOME = "chome";
    static final String OAZA_KANA = "oaza_cho_kana";
    static final String CHOME_KANA = "chome_kana";
    static final String KOAZA = "koaza";
    static final String ABOLISHED = "ablt_date";
    static final String LAT = "rep_lat";
    static final String LON = "rep_lon";

    /** Which of the two files a part is. */
    public enum Kind { TOWNS, POSITIONS }

    private final String municipality;
    private final Map<String, RegistryTowns.Entry> towns = new LinkedHashMap<>();
    private final Map<String, GeoPoint> points = new HashMap<>();
    private final Set<Kind> read = new HashSet<>();
    private final List<FieldError> errors = new ArrayList<>();
    private int rowsRead;
    private int skipped;

    /** @param municipality the 6-digit code whose rows are kept */
    public AbrTowns(String municipality) {
        this.municipality = municipality;
    }

    /** Reads one of the two files (the kind from its header); a 400 problem when it is neither or the same kind again. */
    public Kind add(InputStream in) {
        PushbackInputStream peekable = RegistryCsv.peekable(in);
        List<String> header;
        try {
            header = RegistryCsv.header(peekable);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Kind kind = header.contains(OAZA) ? Kind.TOWNS : header.contains(LAT) ? Kind.POSITIONS : null;
        if (kind == null) {
            throw ProblemException.invalid("not a file of the address base registry", List.of(FieldError.at(1, "",
                    "アドレス・ベース・レジストリの町字マスター（oaza_cho 列）でも位置参照ファイル（rep_lat 列）でもないファイルです")));
        }
        if (!read.add(kind)) {
            throw ProblemException.invalid("the same file kind twice", List.of(FieldError.at(1, "", kind == Kind.TOWNS
                    ? "町字マスターが2つあります。町字マスターと位置参照ファイルを1つずつ送ってください"
                    : "位置参照ファイルが2つあります。町字マスターと位置参照ファイルを1つずつ送ってください")));
        }
        if (kind == Kind.TOWNS) {
            readTowns(peekable);
        } else {
            readPositions(peekable);
        }
        return kind;
    }

    private void readTowns(InputStream in) {
        RegistryCsv csv = new RegistryCsv("町字マスター");
        csv.each(in, List.of(LG_CODE, ID, OAZA, CHOME, OAZA_KANA, CHOME_KANA, KOAZA), row -> {
            rowsRead++;
            if (!mine(row)) {
                skipped++;
                return;
            }
            if (!row.get(ABOLISHED).isEmpty()) {
                return;
            }
            String name = csv.text(row, OAZA, 100) + csv.text(row, CHOME, 100);
            if (name.length() > 100) {
                csv.error(row.line(), OAZA, "oaza_cho + chome は100文字以内です");
            }
            if (name.isEmpty()) {
                csv.error(row.line(), OAZA, "oaza_cho は必須です");
            }
            String kana = org.tsunagu.japanese.KanaReading.clean(csv.text(row, OAZA_KANA, 200) + csv.text(row, CHOME_KANA, 200));
            if (kana != null && kana.length() > 200) {
                csv.error(row.line(), OAZA_KANA, "oaza_cho_kana + chome_kana は200文字以内です");
            }
            String id = row.get(ID);
            if (id.isEmpty()) {
                csv.error(row.line(), ID, "machiaza_id は必須です");
            }
            if (!name.isEmpty() && !id.isEmpty() && !towns.containsKey(id)) {
                towns.put(id, new RegistryTowns.Entry(row.line(), name, csv.text(row, KOAZA, 100), kana, null));
            }
        });
        errors.addAll(csv.errors());
    }

    private void readPositions(InputStream in) {
        RegistryCsv csv = new RegistryCsv("位置参照ファイル");
        csv.each(in, List.of(LG_CODE, ID, LAT, LON), row -> {
            if (!mine(row)) {
                return;
            }
            Double lat = csv.coordinate(row, LAT, -90, 90);
            Double lon = csv.coordinate(row, LON, -180, 180);
            if (lat != null && lon != null) {
                points.putIfAbsent(row.get(ID), new GeoPoint(lat, lon));
            }
        });
        errors.addAll(csv.errors());
    }

    private boolean mine(RegistryCsv.Row row) {
        return municipality.equals(Municipality.normalizeCode(row.get(LG_CODE)).orElse(null));
    }

    /** The joined towns; a 400 problem when a file is missing or a row was wrong. */
    public RegistryTowns result() {
        if (!read.contains(Kind.TOWNS) || !read.contains(Kind.POSITIONS)) {
            errors.add(FieldError.at(1, "", read.contains(Kind.TOWNS) ? "位置参照ファイル（mt_town_pos_prefNN.csv）がありません"
                    : "町字マスター（mt_town_prefNN.csv）がありません"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("the address base registry files have errors; nothing was imported",
                    List.copyOf(errors.subList(0, Math.min(errors.size(), RegistryCsv.MAX_ERRORS))));
        }
        List<RegistryTowns.Entry> joined = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        towns.forEach((id, t) -> {
            RegistryTowns.Entry e = new RegistryTowns.Entry(t.line(), t.name(), t.koaza(), t.kana(), points.get(id));
            if (seen.add(e.key())) {
                joined.add(e);
            }
        });
        return new RegistryTowns(municipality, List.copyOf(joined), rowsRead, skipped);
    }
}
