package org.tsunagu.alerts.stats.boundary;

import org.tsunagu.calendar.control.JapanTime;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.tsunagu.accounts.control.Caller;
import org.tsunagu.accounts.entity.Account;
import org.tsunagu.alerts.stats.control.AlertStatistics;
import org.tsunagu.problems.FieldError;
import org.tsunagu.problems.ProblemException;

import java.io.IOException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * /staff/stats.csv: the statistics CSV for the stats page. The page is signed in by form login and
 * session, which the API (HTTP Basic only, never a session) rightly refuses, so the page's download
 * link comes here; the /staff/* constraint of web.xml guards it like the page. Same parameters and
 * scope as GET /api/v1/stats/alerts; a mistake answers 400 with the reasons as Japanese text.
 */
@WebServlet("/staff/stats.csv")
public class AlertStatsDownload extends HttpServlet {

    @Inject
    AlertStatistics statistics;

    @Inject
    Caller caller;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] groupBy = request.getParameterValues("groupBy");
        AlertStatistics.Figures figures;
        try {
            AlertStatistics.Query q = AlertStatistics.Query.parse(request.getParameter("from"), request.getParameter("to"),
                    groupBy == null ? List.of() : Arrays.asList(groupBy),
                    YearMonth.from(Instant.now().atZone(JapanTime.ZONE)));
            Account me = caller.find().orElse(null);
            if (me == null) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
                return;
            }
            figures = statistics.monthly(me, q);
        } catch (ProblemException e) {
            response.setStatus(e.status());
            response.setContentType("text/plain; charset=UTF-8");
            response.getWriter().println(e.errors().isEmpty() ? e.getMessage()
                    : e.errors().stream().map(FieldError::message).collect(Collectors.joining("\n")));
            return;
        }
        response.setContentType(StatsCsv.MEDIA_TYPE);
        response.setHeader("Content-Disposition", StatsCsv.disposition(figures.query()));
        response.setHeader("Cache-Control", "no-store");
        StatsCsv.write(figures, response.getOutputStream());
    }
}
