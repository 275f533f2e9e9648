package org.tsunagu.exchange.control;

import org.tsunagu.calendar.control.Recurrence;
import jakarta.json.stream.JsonGenerator;
import net.fortuna.ical4j.model.WeekDay;
import net.fortuna.ical4j.transform.recurrence.Frequency;
import org.tsunagu.areas.entity.GeoPoint;
import org.tsunagu.areas.entity.Municipality;
import org.tsunagu.directory.entity.Resource;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A resource as Open Referral HSDS 3.0 objects, for directories and referral tools that speak HSDS.
 * Each resource is one service delivered at one location by one organization: the 主催/法人
 * (organizer) when the resource names one — shared by all its resources — otherwise the resource
 * itself. The export is the tabular shape (one array per HSDS table: organization, service,
 * location, service_at_location, schedule) linked by ids, with each table's small one-to-many
 * details (phones, addresses, accessibility) nested as the HSDS 3.0 JSON schemas allow.
 *
 * <p>Ids are HSDS's UUIDs, derived from the resource id (name-based, RFC 4122 version 3), so the same
 * resource keeps the same ids in every export. Schedules come from the parsed recurrence: one entry
 * per rule and time range with freq (WEEKLY or MONTHLY; a daily rule is every weekday), interval,
 * byday (「第2水曜」 = {@code 2WE}) or bymonthday (「毎月10日」 = {@code 10}), dtstart when an interval needs
 * its phase, opens_at/closes_at with
 * the +09:00 offset and timezone 9; what an RRULE cannot say (祝日休み, 年末年始, months) goes into
 * notes. Tsunagu has no validity dates, so valid_from/valid_to are not written. A schedule the parser
 * did not understand is one entry with only its text as description.
 */
final class HsdsExport {

    /** The HSDS tables, in the order they are written. */
    enum Table {
        ORGANIZATION("organization"), SERVICE("service"), LOCATION("location"),
        SERVICE_AT_LOCATION("service_at_location"), SCHEDULE("schedule");

        private final String key;

        Table(String key) {
            this.key = key;
        }

        String key() {
            return key;
        }
    }

    private static final String OFFSET = "+09:00";

    private final JsonGenerator g;
    /** Organizations already written; an organizer with many resources is one organization. */
    private final Set<UUID> organizations = new HashSet<>();

    HsdsExport(JsonGenerator g) {
        this.g = g;
    }

    void write(Table table, Resource r) {
        switch (table) {
            case ORGANIZATION -> organization(r);
            case SERVICE -> service(r);
            case LOCATION -> location(r);
            case SERVICE_AT_LOCATION -> g.writeStartObject().write("id", id("service_at_location", r).toString())
                    .write("service_id", id("service", r).toString())
                    .write("location_id", id("location", r).toString()).writeEnd();
            case SCHEDULE -> schedules(r);
        }
    }

    static UUID id(String kind, Resource r) {
        return uuid(kind + ":" + r.getId());
    }

    static UUID uuid(String key) {
        return UUID.nameUUIDFromBytes(("tsunagu:" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** The organization of a resource: its organizer within its municipality, or the resource itself. */
    static UUID organizationId(Resource r) {
        if (r.getOrganizer() == null) {
            return id("organization", r);
        }
        Municipality m = r.getMunicipality();
        return uuid("organizer:" + (m == null ? "" : m.getCode()) + ":" + r.getOrganizer());
    }

    private void organization(Resource r) {
        UUID id = organizationId(r);
        if (!organizations.add(id)) {
            return;
        }
        g.writeStartObject().write("id", id.toString());
        if (r.getOrganizer() != null) {
            g.write("name", r.getOrganizer()).write("description", r.getOrganizer());
        } else {
            g.write("name", r.getName()).write("description", r.getDescription() != null ? r.getDescription() : r.getName());
            optional("email", r.getEmail());
            optional("website", r.getUrl());
            phones(r, "organization_id", id);
        }
        g.writeEnd();
    }

    private void service(Resource r) {
        UUID id = id("service", r);
        g.writeStartObject().write("id", id.toString()).write("organization_id", organizationId(r).toString())
                .write("name", r.getName());
        optional("alternate_name", r.getNameKana());
        optional("description", r.getDescription());
        optional("url", r.getUrl());
        optional("email", r.getEmail());
        g.write("status", "active");
        optional("fees_description", r.getCost());
        optional("eligibility_description", r.getTarget());
        optional("application_process", r.getReservation() == null ? null : "予約：" + r.getReservation());
        if (r.getUpdatedAt() != null) {
            g.write("last_modified", r.getUpdatedAt().toString());
        }
        phones(r, "service_id", id);
        g.writeStartArray("attributes").writeStartObject()
                .write("id", id("attribute", r).toString()).write("link_id", id.toString())
                .write("link_entity", "service").write("link_type", "category")
                .write("value", r.getCategory().code()).write("label", r.getCategory().labelJa())
                .writeEnd().writeEnd();
        g.writeEnd();
    }

    private void location(Resource r) {
        UUID id = id("location", r);
        g.writeStartObject().write("id", id.toString()).write("location_type", "physical")
                .write("organization_id", organizationId(r).toString()).write("name", r.getName());
        GeoPoint p = r.getPoint();
        if (p != null) {
            g.write("latitude", p.lat()).write("longitude", p.lon());
        }
        Municipality m = r.getMunicipality();
        g.writeStartArray("addresses").writeStartObject().write("id", id("address", r).toString())
                .write("location_id", id.toString()).write("address_1", r.getAddress())
                .write("city", m == null ? "" : m.getName())
                .write("state_province", m == null || m.getPrefecture() == null ? "" : m.getPrefecture())
                .write("postal_code", r.getPostalCode() == null ? "" : r.getPostalCode())
                .write("country", "JP").write("address_type", "physical").writeEnd().writeEnd();
        List<String> access = r.getAccessibility();
        if (!access.isEmpty()) {
            g.writeStartArray("accessibility");
            for (int i = 0; i < access.size(); i++) {
                g.writeStartObject().write("id", uuid("accessibility:" + r.getId() + ":" + i).toString())
                        .write("location_id", id.toString()).write("description", access.get(i)).writeEnd();
            }
            g.writeEnd();
        }
        g.writeEnd();
    }

    private void schedules(Resource r) {
        String text = r.getSchedule().text();
        if (text == null) {
            return;
        }
        List<Recurrence.Block> blocks = Recurrence.of(r.getSchedule()).blocks();
        if (blocks.isEmpty()) {
            start(r, 0, text);
            g.writeEnd();
            return;
        }
        for (int i = 0; i < blocks.size(); i++) {
            Recurrence.Block b = blocks.get(i);
            start(r, i, text);
            boolean daily = b.rule().getFrequency() == Frequency.DAILY;
            g.write("freq", b.rule().getFrequency() == Frequency.MONTHLY ? "MONTHLY" : "WEEKLY");
            int interval = Math.max(1, b.rule().getInterval());
            if (interval > 1 && !daily) {
                g.write("interval", interval).write("dtstart", b.anchor().toString());
            }
            List<Integer> monthDays = b.rule().getMonthDayList();
            if (!monthDays.isEmpty()) {
                // 「毎月10日」: HSDS bymonthday; a byday beside it only limits the days (RFC 5545).
                g.write("bymonthday", monthDays.stream().map(String::valueOf).collect(Collectors.joining(",")));
            }
            if (monthDays.isEmpty() || !b.rule().getDayList().isEmpty()) {
                g.write("byday", byday(b, daily));
            }
            g.write("wkst", "MO");
            if (b.slot() != null) {
                g.write("opens_at", hhmm(b.slot().start()) + OFFSET)
                        .write("closes_at", (b.slot().end().equals(LocalTime.MAX) ? "24:00" : hhmm(b.slot().end())) + OFFSET);
            }
            g.write("timezone", 9);
            String notes = notes(b);
            if (!notes.isEmpty()) {
                g.write("notes", notes);
            }
            g.writeEnd();
        }
    }

    private void start(Resource r, int index, String text) {
        g.writeStartObject().write("id", uuid("schedule:" + r.getId() + ":" + index).toString())
                .write("service_id", id("service", r).toString())
                .write("service_at_location_id", id("service_at_location", r).toString())
                .write("description", text);
    }

    private static String byday(Recurrence.Block b, boolean daily) {
        List<WeekDay> days = b.rule().getDayList();
        if (days.isEmpty()) {
            return daily ? "MO,TU,WE,TH,FR,SA,SU" : code(b.anchor().getDayOfWeek());
        }
        return days.stream().map(WeekDay::toString).collect(Collectors.joining(","));
    }

    private static String code(DayOfWeek day) {
        return day.name().substring(0, 2);
    }

    private static String hhmm(LocalTime t) {
        return String.format(Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute());
    }

    /** What the RRULE fields of HSDS cannot carry, in the words centers use. */
    private static String notes(Recurrence.Block b) {
        List<String> notes = new ArrayList<>();
        if (!b.rule().getMonthList().isEmpty()) {
            notes.add(b.rule().getMonthList().stream().map(m -> m.getMonthOfYear() + "月")
                    .collect(Collectors.joining("・")) + "のみ");
        }
        if (b.closedOnHolidays()) {
            notes.add("祝日休み");
        }
        if (b.openOnHolidays()) {
            notes.add("祝日も開催");
        }
        if (b.closedAtYearEnd()) {
            notes.add("年末年始（12/29〜1/3）休み");
        }
        if (b.anchorAssumed()) {
            notes.add("隔週の開始週は推定");
        }
        return String.join("、", notes);
    }

    private void optional(String key, String value) {
        if (value != null) {
            g.write(key, value);
        }
    }

    private void phones(Resource r, String owner, UUID ownerId) {
        if (r.getPhone() == null) {
            return;
        }
        g.writeStartArray("phones").writeStartObject().write("id", uuid("phone:" + owner + ":" + r.getId()).toString())
                .write(owner, ownerId.toString()).write("number", r.getPhone()).writeEnd().writeEnd();
    }
}
