package org.tsunagu.exchange.control;

import org.tsunagu.areas.entity.GeoPoint;
import org.tsunagu.directory.entity.Resource;
import org.tsunagu.csv.CsvTable;
import org.tsunagu.csv.FormulaEscape;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Tsunagu resource format in both directions: reading a row (cells as written, minus the
 * apostrophe our own export puts before formula-like cells, see {@link FormulaEscape}) and writing
 * a resource as a row that imports back to the very same resource. That is what makes the CSV export
 * a maintenance tool: export, edit in Excel, import.
 */
public final class TsunaguColumns implements ColumnMapping {

    /** The columns in the order of formats.md; the export writes exactly these. */
    public static final List<String> COLUMNS = List.of("external_id", "name", "name_kana", "category",
            "description", "postal_code", "address", "lat", "lon", "phone", "url", "email", "schedule", "cost",
            "reservation", "target", "accessibility", "home_visit", "departments", "center_code", "organizer");

    /**
     * The external id the export gives a resource that has none (one created through the API): the
     * import finds that resource again by it, so the round trip does not duplicate it.
     */
    static final String OWN_ID = "tsunagu:";
    private static final Pattern OWN = Pattern.compile("tsunagu:(\\d{1,18})");

    @Override
    public List<String> required() {
        return ResourceImport.REQUIRED;
    }

    @Override
    public Map<String, String> fields(CsvTable.Row row) {
        Map<String, String> fields = new LinkedHashMap<>();
        row.cells().forEach((column, value) ->
                fields.put(column, FormulaEscape.unescape(value == null ? "" : value.strip()).strip()));
        return fields;
    }

    @Override
    public String column(String field) {
        return field;
    }

    /** The resource id an {@link #OWN_ID} external id stands for, or null. */
    static Long ownId(String externalId) {
        Matcher m = OWN.matcher(externalId == null ? "" : externalId);
        return m.matches() ? Long.valueOf(m.group(1)) : null;
    }

    /** The external id a resource is exported with. */
    public static String externalId(Resource r) {
        return r.getExternalId() != null ? r.getExternalId() : OWN_ID + r.getId();
    }

    /**
     * The row of a resource, in {@link #COLUMNS} order, unescaped (the writer escapes). A point that is
     * just its town's point is left empty, so the import places it at the town again (and follows the
     * town if the catchment file moves it); only a point of its own is written.
     */
    public static List<String> cells(Resource r) {
        List<String> cells = new ArrayList<>(COLUMNS.size());
        GeoPoint p = r.getPoint();
        boolean ownPoint = p != null && (r.getTown() == null || !p.equals(r.getTown().getPoint()));
        cells.add(externalId(r));
        cells.add(r.getName());
        cells.add(r.getNameKana());
        cells.add(r.getCategory().code());
        cells.add(r.getDescription());
        cells.add(r.getPostalCode());
        cells.add(r.getAddress());
        cells.add(ownPoint ? Double.toString(p.lat()) : "");
        cells.add(ownPoint ? Double.toString(p.lon()) : "");
        cells.add(r.getPhone());
        cells.add(r.getUrl());
        cells.add(r.getEmail());
        cells.add(r.getSchedule().text());
        cells.add(r.getCost());
        cells.add(r.getReservation());
        cells.add(r.getTarget());
        cells.add(String.join(";", r.getAccessibility()));
        cells.add(Boolean.toString(r.isHomeVisit()));
        cells.add(String.join(";", r.getDepartments()));
        cells.add(r.getCenter() == null ? "" : r.getCenter().getCode());
        cells.add(r.getOrganizer());
        cells.replaceAll(c -> c == null ? "" : c);
        return cells;
    }
}
