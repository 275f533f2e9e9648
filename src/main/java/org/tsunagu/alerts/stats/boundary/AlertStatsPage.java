package org.tsunagu.alerts.stats.boundary;

import org.tsunagu.calendar.control.JapanTime;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.transaction.Transactional;
import org.tsunagu.accounts.control.Caller;
import org.tsunagu.accounts.entity.Account;
import org.tsunagu.alerts.stats.control.AlertStatistics;
import org.tsunagu.alerts.stats.control.AlertStatistics.Dimension;
import org.tsunagu.alerts.stats.control.AlertStatistics.Figures;
import org.tsunagu.alerts.stats.control.AlertStatistics.Row;
import org.tsunagu.problems.FieldError;
import org.tsunagu.problems.ProblemException;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * 通報の統計 (/staff/stats): the monthly figures of the API on a page — a plain GET form (from, to,
 * groupBy), a bar chart of alerts per month with the same numbers in a real table, and a link to
 * the CSV that works with the page login ({@link AlertStatsDownload}). A mistake in the form shows
 * the reason in Japanese above the form; nothing else happens.
 */
@Named
@RequestScoped
public class AlertStatsPage {

    /** A groupBy checkbox. */
    public record Option(String code, String labelKey, boolean selected) {
    }

    /** A table line as the page shows it: the month, the dimension labels, the figures. */
    public record Line(String month, List<String> values, long count, long acknowledged, String median) {
    }

    @Inject
    AlertStatistics statistics;

    @Inject
    Caller caller;

    private String from;
    private String to;
    private List<String> groupBy = List.of();
    private final List<String> errors = new ArrayList<>();
    private Figures figures;

    @Transactional
    public void load() {
        ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
        Map<String, String[]> params = ext.getRequestParameterValuesMap();
        from = first(params.get("from"));
        to = first(params.get("to"));
        String[] dims = params.get("groupBy");
        groupBy = dims == null ? List.of() : Arrays.asList(dims);
        YearMonth current = YearMonth.from(Instant.now().atZone(JapanTime.ZONE));
        try {
            AlertStatistics.Query q = AlertStatistics.Query.parse(from, to, groupBy, current);
            Account me = caller.account();
            figures = statistics.monthly(me, q);
            from = q.from().toString();
            to = q.to().toString();
            groupBy = q.groupBy().stream().map(Dimension::code).toList();
        } catch (ProblemException e) {
            if (e.errors().isEmpty()) {
                errors.add(e.getMessage());
            }
            e.errors().stream().map(FieldError::message).forEach(errors::add);
        }
    }

    private static String first(String[] values) {
        return values == null || values.length == 0 ? null : values[0];
    }

    public String getFrom() {
        return from == null ? "" : from;
    }

    public String getTo() {
        return to == null ? "" : to;
    }

    public List<String> getErrors() {
        return errors;
    }

    public boolean isShown() {
        return figures != null;
    }

    public Figures getFigures() {
        return figures;
    }

    public List<Option> getOptions() {
        return Arrays.stream(Dimension.values())
                .map(d -> new Option(d.code(), "stats.dim." + d.code(), groupBy.contains(d.code()))).toList();
    }

    /** The dimension columns of the table, in the chosen order (bundle keys). */
    public List<String> getColumns() {
        return figures == null ? List.of() : figures.query().groupBy().stream().map(d -> "stats.dim." + d.code()).toList();
    }

    public List<Line> getLines() {
        if (figures == null) {
            return List.of();
        }
        List<Line> lines = new ArrayList<>();
        for (Row r : figures.rows()) {
            lines.add(new Line(r.month().toString(), figures.query().groupBy().stream().map(d -> r.values().get(d).label()).toList(),
                    r.count(), r.acknowledged(), minutes(r.medianMinutesToAcknowledge())));
        }
        return lines;
    }

    public Line getTotal() {
        Row t = figures.total();
        return new Line("", List.of(), t.count(), t.acknowledged(), minutes(t.medianMinutesToAcknowledge()));
    }

    private static String minutes(BigDecimal m) {
        return m == null ? "—" : m.toPlainString();
    }

    /** Chart.js configuration for p:chart: alerts per month (the table below has the same numbers). */
    public String getChart() {
        if (figures == null) {
            return "{}";
        }
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder counts = Json.createArrayBuilder();
        for (Row m : figures.months()) {
            labels.add(m.month().getYear() + "年" + m.month().getMonthValue() + "月");
            counts.add(m.count());
        }
        String json = Json.createObjectBuilder().add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("label", "通報件数").add("data", counts)
                                .add("backgroundColor", "#1f5fa8"))))
                .add("options", Json.createObjectBuilder()
                        .add("animation", false)
                        .add("plugins", Json.createObjectBuilder().add("legend", Json.createObjectBuilder().add("display", false)))
                        .add("scales", Json.createObjectBuilder().add("y", Json.createObjectBuilder().add("beginAtZero", true)
                                .add("ticks", Json.createObjectBuilder().add("precision", 0)))))
                .build().toString();
        return json.replace("<", "\\u003c"); // the configuration is written into a script element
    }

    /** The CSV of exactly what the page shows, for the session login (the API accepts Basic only). */
    public String getCsvLink() {
        StringBuilder b = new StringBuilder(FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath())
                .append("/staff/stats.csv?from=").append(enc(getFrom())).append("&to=").append(enc(getTo()));
        if (!groupBy.isEmpty()) {
            b.append("&groupBy=").append(enc(String.join(",", groupBy)));
        }
        return b.toString();
    }

    public String getFileName() {
        return figures == null ? "" : figures.query().fileName();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
