package org.tsunagu.alerts.entity;

import org.tsunagu.areas.entity.GeoPoint;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the partner tells: the content of an alert before it is routed. The rules of a complete
 * report live here, so the API and the partner form refuse exactly the same things and an alert
 * can never exist without the facts a center needs to act.
 */
public record Report(String idempotencyKey, String address, String placeNote, GeoPoint point, Instant observedAt,
                     Urgency urgency, Set<Anomaly> anomalies, String otherAnomaly, PersonSeen person, String details,
                     String reporterName, String reporterPhone) {

    /** A clock may be a little ahead on a phone; more than this is a mistake. */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(10);

    /**
     * What is missing or wrong, field by field (API field names), in Japanese for the person who
     * filled it in; empty when the report is complete.
     */
    public Map<String, String> problems(Instant now) {
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        if (urgency == null) {
            problems.put("urgency", "緊急度を選んでください");
        }
        if (anomalies == null || anomalies.isEmpty()) {
            problems.put("anomalies", "気づいた異変を1つ以上選んでください");
        } else if (anomalies.contains(Anomaly.OTHER) && blank(otherAnomaly) && blank(details)) {
            problems.put("otherAnomaly", "「その他」を選んだときは、その内容を書いてください");
        }
        if (blank(address) && point == null) {
            problems.put("address", "場所（住所、または現在地）を入力してください");
        }
        if (observedAt == null) {
            problems.put("observedAt", "気づいた日時を入力してください");
        } else if (observedAt.isAfter(now.plus(FUTURE_TOLERANCE))) {
            problems.put("observedAt", "気づいた日時が未来になっています");
        }
        if (blank(reporterName)) {
            problems.put("reporterName", "通報者の氏名を入力してください");
        }
        if (blank(reporterPhone)) {
            problems.put("reporterPhone", "通報者の連絡先電話番号を入力してください");
        }
        tooLong(problems, "address", address, 300);
        tooLong(problems, "placeNote", placeNote, 200);
        tooLong(problems, "otherAnomaly", otherAnomaly, 200);
        tooLong(problems, "details", details, 4000);
        tooLong(problems, "reporterName", reporterName, 100);
        tooLong(problems, "reporterPhone", reporterPhone, 40);
        if (person != null) {
            tooLong(problems, "personName", person.name(), 100);
            tooLong(problems, "personAge", person.approximateAge(), 40);
            tooLong(problems, "personSex", person.sex(), 16);
            tooLong(problems, "personDescription", person.description(), 1000);
        }
        return problems;
    }

    /** The same limits as the columns, so a long text is a message, never a failed insert. */
    private static void tooLong(Map<String, String> problems, String field, String value, int max) {
        if (value != null && value.length() > max && !problems.containsKey(field)) {
            problems.put(field, max + "文字以内で入力してください（" + value.length() + "文字あります）");
        }
    }

    public void validate() {
        Map<String, String> problems = problems(Instant.now());
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("incomplete report: " + problems.keySet());
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String toString() {
        return "Report[redacted]";
    }
}
