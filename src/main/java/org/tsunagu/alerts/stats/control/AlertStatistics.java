package org.tsunagu.alerts.stats.control;

import org.tsunagu.calendar.control.JapanTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.tsunagu.accounts.entity.Account;
import org.tsunagu.accounts.entity.PartnerType;
import org.tsunagu.accounts.entity.Role;
import org.tsunagu.alerts.entity.Alert;
import org.tsunagu.alerts.entity.Anomaly;
import org.tsunagu.alerts.entity.Outcome;
import org.tsunagu.areas.control.Centers;
import org.tsunagu.areas.entity.Center;
import org.tsunagu.problems.ProblemException;
import org.tsunagu.problems.QueryParameters;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.tsunagu.codes.Term;
import org.tsunagu.codes.Termed;

/**
 * 事業報告: the monthly figures the municipality asks every center for — how many watch alerts, about
 * what, from which kind of partner, how they ended, and how fast the center looked (the median
 * minutes from filing to acknowledgement). Computed in Java from a projection that holds nothing
 * personal, so the figures are the same before and after the retention job erased an alert's
 * personal fields. Months are Japan time. The caller's role decides which centers are counted:
 * staff their own center, core every center of the municipality, admin every center.
 */
@ApplicationScoped
public class AlertStatistics {

    public static final int MAX_MONTHS = 60;
    public static final int DEFAULT_MONTHS = 6;
    /** The outcome of an alert that is not resolved yet. */
    public static final Value UNRESOLVED = new Value("unresolved", "未対応", "9999");
    static final String NOTE_ALERTS = "件数は通報の件数です（月は受付日時の日本時間）。確認までの時間は受付から最初の確認までの分の中央値です。";
    static final String NOTE_ANOMALY = "異変別の行では、複数の異変がある通報を異変ごとに1件と数えます（行の合計は通報の件数より多くなります）。totals は通報の件数です。";

    private static final Pattern MONTH = Pattern.compile("[0-9]{4}-[0-9]{2}");

    /** What a row may be grouped by besides the month (always a dimension). */
    public enum Dimension implements Termed {
        CENTER("center", "センター"),
        ANOMALY("anomaly", "異変"),
        PARTNER_TYPE("partnerType", "協定事業者の種類"),
        OUTCOME("outcome", "対応結果");

        private final Term term;

        Dimension(String code, String label) {
            this.term = new Term(code, label);
        }

        @Override
        public Term term() {
            return term;
        }

        public static Optional<Dimension> ofCode(String code) {
            return Termed.ofCode(Dimension.class, code);
        }
    }

    /** The months asked for (inclusive) and the dimensions, in the order asked. */
    public record Query(YearMonth from, YearMonth to, List<Dimension> groupBy) {

        public Query {
            if (from == null || to == null || from.isAfter(to)) {
                throw new IllegalArgumentException("from must not be after to");
            }
            groupBy = List.copyOf(new LinkedHashSet<>(groupBy));
        }

        /**
         * Reads the query parameters; every mistake is reported together (400 naming the field).
         * Without {@code to}: the current month; without {@code from}: five months before {@code to}.
         * {@code groupBy} values may be comma lists and may repeat; {@code month} is accepted and
         * ignored (it is always a dimension).
         */
        public static Query parse(String from, String to, Collection<String> groupBy, YearMonth current) {
            QueryParameters p = new QueryParameters();
            YearMonth f = month(p, "from", from);
            YearMonth t = month(p, "to", to);
            List<Dimension> dims = new ArrayList<>();
            for (String value : groupBy == null ? List.<String>of() : groupBy) {
                String list = p.text("groupBy", value, 200);
                if (list == null) {
                    continue;
                }
                for (String code : list.split(",")) {
                    String c = code.strip();
                    if (c.isEmpty() || c.equals("month")) {
                        continue;
                    }
                    Dimension.ofCode(c).ifPresentOrElse(dims::add, () -> p.error("groupBy", "groupBy に不明な集計軸があります: "
                            + QueryParameters.shown(c) + "（center, anomaly, partnerType, outcome から選べます）"));
                }
            }
            if (!p.failed("from") && !p.failed("to")) {
                if (t == null) {
                    t = f != null && f.isAfter(current) ? f : current;
                }
                if (f == null) {
                    f = t.minusMonths(DEFAULT_MONTHS - 1L);
                }
                if (f.isAfter(t)) {
                    p.error("from", "from（" + f + "）が to（" + t + "）より後の月です");
                } else if (monthsBetween(f, t) > MAX_MONTHS) {
                    p.error("to", "集計できる期間は" + MAX_MONTHS + "か月以内です（" + f + "〜" + t + " は " + monthsBetween(f, t) + "か月）");
                }
            }
            p.verify();
            return new Query(f, t, dims);
        }

        private static YearMonth month(QueryParameters p, String field, String value) {
            String v = p.text(field, value, 7);
            if (v == null) {
                if (value != null && !value.isBlank() && !p.failed(field)) {
                    p.error(field, field + " は YYYY-MM の形式の月です（例: 2026-04）");
                }
                return null;
            }
            if (MONTH.matcher(v).matches()) {
                try {
                    YearMonth m = YearMonth.parse(v);
                    if (m.getYear() >= 2000) {
                        return m;
                    }
                } catch (DateTimeParseException e) {
                    // reported below
                }
            }
            if (!p.failed(field)) {
                p.error(field, field + " は YYYY-MM の形式の月です（例: 2026-04）: " + QueryParameters.shown(v));
            }
            return null;
        }

        /** The first instant of {@code from} in Japan. */
        public Instant start() {
            return from.atDay(1).atStartOfDay(JapanTime.ZONE).toInstant();
        }

        /** The first instant after {@code to} in Japan. */
        public Instant end() {
            return to.plusMonths(1).atDay(1).atStartOfDay(JapanTime.ZONE).toInstant();
        }

        public List<YearMonth> months() {
            List<YearMonth> all = new ArrayList<>();
            for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
                all.add(m);
            }
            return all;
        }

        /** alerts-2026-04_2026-09.csv */
        public String fileName() {
            return "alerts-" + from + "_" + to + ".csv";
        }

        public boolean groupsBy(Dimension d) {
            return groupBy.contains(d);
        }
    }

    static long monthsBetween(YearMonth from, YearMonth to) {
        return (to.getYear() - from.getYear()) * 12L + to.getMonthValue() - from.getMonthValue() + 1;
    }

    /** One alert as the statistics see it: no personal field. */
    public record Fact(long alertId, Instant filedAt, Instant acknowledgedAt, String centerCode, String centerName,
                       PartnerType partnerType, Outcome outcome, Set<Anomaly> anomalies) {
    }

    /** A dimension's value: code, Japanese label, and the key that orders rows. */
    public record Value(String code, String label, String sortKey) {
    }

    /**
     * One line of the answer: a month, the values of the chosen dimensions, how many alerts, how many
     * of them were acknowledged, and the median minutes to acknowledgement (null when none was).
     */
    public record Row(YearMonth month, Map<Dimension, Value> values, long count, long acknowledged,
                      BigDecimal medianMinutesToAcknowledge) {
    }

    /**
     * The answer: the rows, one total per month (every month of the range, also empty ones), the
     * total over the range (alerts, counted once whatever the grouping) and a note on how to read it.
     */
    public record Figures(Query query, List<String> centers, List<Row> rows, List<Row> months, Row total, String note) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Centers centers;

    /** The figures the caller may see: staff their center, core their municipality's centers, admin all. */
    public Figures monthly(Account caller, Query query) {
        List<Center> scope = visibleCenters(caller);
        List<Object[]> rows = em.createNamedQuery(Alert.STATISTICS, Object[].class)
                .setParameter("centers", scope).setParameter("from", query.start()).setParameter("to", query.end())
                .getResultList();
        Figures f = tabulate(query, facts(rows));
        return new Figures(f.query(), scope.stream().map(Center::getCode).sorted().toList(), f.rows(), f.months(),
                f.total(), f.note());
    }

    /** The centers whose alerts the account may count; never empty for staff and core. */
    public List<Center> visibleCenters(Account caller) {
        if (caller.getRole() == Role.ADMIN) {
            List<Center> all = centers.all();
            if (all.isEmpty()) {
                throw ProblemException.notFound("センターが登録されていません");
            }
            return all;
        }
        if (caller.getCenter() == null || (caller.getRole() != Role.STAFF && caller.getRole() != Role.CORE)) {
            throw ProblemException.forbidden("統計はセンターの職員と管理者が見られます");
        }
        if (caller.getRole() == Role.CORE && caller.getCenter().getMunicipality() != null) {
            return centers.of(caller.getCenter().getMunicipality());
        }
        return List.of(caller.getCenter());
    }

    /** Folds the projection's (alert, anomaly) rows into one fact per alert. */
    static List<Fact> facts(List<Object[]> rows) {
        Map<Long, Fact> byAlert = new LinkedHashMap<>();
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            Fact f = byAlert.computeIfAbsent(id, k -> new Fact(k, (Instant) r[1], (Instant) r[2], (String) r[3],
                    (String) r[4], r[5] instanceof PartnerType t ? t : PartnerType.valueOf(String.valueOf(r[5])),
                    r[6] == null ? null : r[6] instanceof Outcome o ? o : Outcome.valueOf(String.valueOf(r[6])),
                    EnumSet.noneOf(Anomaly.class)));
            if (r[7] != null) {
                f.anomalies().add(r[7] instanceof Anomaly a ? a : Anomaly.valueOf(String.valueOf(r[7])));
            }
        }
        return new ArrayList<>(byAlert.values());
    }

    /**
     * The whole computation, without a database: groups the facts filed within the query's months by
     * month and the chosen dimensions. Grouped by anomaly, an alert counts once per anomaly; the
     * month totals and the overall total count every alert once. Without dimensions every month is a
     * row (also with 0); with dimensions only the combinations that occur.
     */
    public static Figures tabulate(Query query, Collection<Fact> facts) {
        Instant start = query.start();
        Instant end = query.end();
        Map<YearMonth, List<Fact>> perMonth = new TreeMap<>();
        query.months().forEach(m -> perMonth.put(m, new ArrayList<>()));
        for (Fact f : facts) {
            if (!f.filedAt().isBefore(start) && f.filedAt().isBefore(end)) {
                perMonth.get(YearMonth.from(f.filedAt().atZone(JapanTime.ZONE))).add(f);
            }
        }
        List<Row> months = new ArrayList<>();
        List<Fact> all = new ArrayList<>();
        perMonth.forEach((m, list) -> {
            months.add(row(m, Map.of(), list));
            all.addAll(list);
        });
        List<Row> rows = new ArrayList<>();
        if (query.groupBy().isEmpty()) {
            rows.addAll(months);
        } else {
            perMonth.forEach((m, list) -> {
                Map<List<Value>, List<Fact>> groups = new TreeMap<>(Comparator.comparing(AlertStatistics::sortKey));
                for (Fact f : list) {
                    for (List<Value> key : keys(query.groupBy(), f)) {
                        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
                    }
                }
                groups.forEach((key, members) -> {
                    Map<Dimension, Value> values = new EnumMap<>(Dimension.class);
                    for (int i = 0; i < key.size(); i++) {
                        values.put(query.groupBy().get(i), key.get(i));
                    }
                    rows.add(row(m, values, members));
                });
            });
        }
        String note = query.groupsBy(Dimension.ANOMALY) ? NOTE_ALERTS + NOTE_ANOMALY : NOTE_ALERTS;
        return new Figures(query, List.of(), rows, months, row(null, Map.of(), all), note);
    }

    private static String sortKey(List<Value> key) {
        StringBuilder b = new StringBuilder();
        key.forEach(v -> b.append(v.sortKey()).append('\u0000'));
        return b.toString();
    }

    /** Every combination of the fact's values (an alert has one center, type and outcome, but several anomalies). */
    private static List<List<Value>> keys(List<Dimension> dims, Fact f) {
        List<List<Value>> keys = new ArrayList<>();
        keys.add(List.of());
        for (Dimension d : dims) {
            List<Value> values = values(d, f);
            List<List<Value>> next = new ArrayList<>();
            for (List<Value> k : keys) {
                for (Value v : values) {
                    List<Value> longer = new ArrayList<>(k);
                    longer.add(v);
                    next.add(List.copyOf(longer));
                }
            }
            keys = next;
        }
        return keys;
    }

    static List<Value> values(Dimension d, Fact f) {
        return switch (d) {
            case CENTER -> List.of(new Value(f.centerCode(), f.centerName(), f.centerCode()));
            case ANOMALY -> f.anomalies().stream().map(a -> new Value(a.code(), a.label(), order(a.ordinal()))).toList();
            case PARTNER_TYPE -> List.of(new Value(f.partnerType().code(), f.partnerType().labelJa(),
                    order(f.partnerType().ordinal())));
            case OUTCOME -> List.of(f.outcome() == null ? UNRESOLVED
                    : new Value(f.outcome().code(), f.outcome().label(), order(f.outcome().ordinal())));
        };
    }

    private static String order(int ordinal) {
        return String.format("%04d", ordinal);
    }

    private static Row row(YearMonth month, Map<Dimension, Value> values, List<Fact> facts) {
        List<Long> waits = new ArrayList<>();
        for (Fact f : facts) {
            if (f.acknowledgedAt() != null) {
                waits.add(Math.max(0, f.acknowledgedAt().toEpochMilli() - f.filedAt().toEpochMilli()));
            }
        }
        return new Row(month, values, facts.size(), waits.size(), medianMinutes(waits));
    }

    /**
     * The exact median of the waits (milliseconds; the mean of the two middle ones for an even count),
     * in minutes rounded to one decimal; null for no waits.
     */
    static BigDecimal medianMinutes(List<Long> millis) {
        if (millis.isEmpty()) {
            return null;
        }
        List<Long> sorted = new ArrayList<>(millis);
        sorted.sort(Comparator.naturalOrder());
        int n = sorted.size();
        BigDecimal median = n % 2 == 1 ? BigDecimal.valueOf(sorted.get(n / 2))
                : BigDecimal.valueOf(sorted.get(n / 2 - 1)).add(BigDecimal.valueOf(sorted.get(n / 2)))
                        .divide(BigDecimal.valueOf(2));
        return median.divide(BigDecimal.valueOf(60_000), 1, RoundingMode.HALF_UP);
    }
}
