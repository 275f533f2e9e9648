package org.tsunagu.problems;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The error pages of web.xml. Some mistakes never reach JAX-RS's mappers: a Content-Type or Accept
 * header Jersey cannot parse, an encoded slash or {@code ..} in an API path that no servlet mapping
 * takes; the container then sends its own error. Under /api/ that error is an RFC 9457 problem
 * like every other, elsewhere the portal's page for it (Japanese, no stack trace).
 */
@WebServlet("/error")
public class ErrorPages extends HttpServlet {

    private static final Set<Integer> PAGES = Set.of(400, 403, 404, 500);

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String u && u.startsWith(request.getContextPath() + "/api/")) {
            Response.StatusType type = Response.Status.fromStatusCode(status);
            String detail = status >= 500 ? "The server could not complete the request."
                    : status == 404 ? "No such resource." : "The request could not be read.";
            byte[] body = Problems.document(status, type == null ? "Error" : type.getReasonPhrase(), detail, null).toString()
                    .getBytes(StandardCharsets.UTF_8);
            response.setStatus(status);
            response.setContentType(Problems.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            return;
        }
        String page = PAGES.contains(status) ? status + ".xhtml" : status >= 500 ? "500.xhtml" : "400.xhtml";
        request.getRequestDispatcher("/WEB-INF/errorpages/" + page).forward(request, response);
    }
}
