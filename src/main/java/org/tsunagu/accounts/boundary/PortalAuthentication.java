package org.tsunagu.accounts.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.tsunagu.accounts.control.Accounts;
import org.tsunagu.accounts.control.LoginThrottle;
import org.tsunagu.accounts.control.SessionStanding;
import org.tsunagu.accounts.entity.Account;
import org.tsunagu.web.security.CanonicalPaths;
import org.tsunagu.web.security.SecurityHeaders;
import org.tsunagu.problems.DatabaseUnavailable;
import org.tsunagu.problems.Problems;
import org.tsunagu.problems.UnavailablePages;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * One mechanism, two doors: the API takes HTTP Basic credentials on every request and never a
 * cookie; pages use a form login whose result lives in the HTTP session. Jakarta Security 3
 * allows a single mechanism per application, so both live here.
 * <p>
 * It is also where a password chosen by an admin is enforced, because this is the one place every
 * request passes before the container decides who the caller is (a servlet filter would run after,
 * and would have to repeat the API/page split): such an account gets a 403 problem on the API, and
 * on the pages it is signed in only for {@value #PASSWORD_PAGE} (and the style sheets); any other
 * page redirects there until the password is changed.
 * <p>
 * Both doors share the per-address {@link LoginThrottle}: a throttled address gets 429 with
 * Retry-After on the API and a message on the login page, without its password being checked.
 * Unknown user and wrong password give the same answer.
 */
@ApplicationScoped
public class PortalAuthentication implements HttpAuthenticationMechanism {

    static final String SESSION_CALLER = "tsunagu.caller";
    static final String SESSION_GROUPS = "tsunagu.groups";
    /** When the session signed in (epoch milliseconds): it ends {@code tsunagu.session.max-lifetime} later. */
    static final String SESSION_SINCE = "tsunagu.signedInAt";
    /** The account's credentials epoch at sign-in; a session under an older epoch is over. */
    static final String SESSION_EPOCH = "tsunagu.sessionEpoch";
    /** Set at login while the account must still replace an admin-chosen password. */
    static final String SESSION_MUST_CHANGE = "tsunagu.mustChangePassword";
    static final String PASSWORD_PAGE = "/account/password";
    /** Request attribute set when the login page's attempt was refused by the throttle: seconds to wait. */
    static final String THROTTLED = "tsunagu.loginThrottled";

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    Accounts accounts;

    @Inject
    LoginThrottle throttle;

    @Inject
    SessionStanding standing;

    @Inject
    SecurityHeaders securityHeaders;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        // this runs before any filter, and some answers (401, 429, the redirect to the login page) end here
        securityHeaders.apply(request, response);
        Optional<String> canonical = CanonicalPaths.of(request);
        if (canonical.isEmpty()) {
            return refuseNonCanonical(request, response);
        }
        if (canonical.get().startsWith("/api/")) {
            return api(request, response, context);
        }
        return page(request, response, context, canonical.get());
    }

    /** 400 for another spelling of a path ({@link CanonicalPaths}): a problem under /api, the error page elsewhere. */
    private static AuthenticationStatus refuseNonCanonical(HttpServletRequest request, HttpServletResponse response) {
        String raw = request.getRequestURI().substring(Math.min(request.getRequestURI().length(), request.getContextPath().length()));
        if (raw.replaceAll("^[/\\\\.;]+", "").toLowerCase(java.util.Locale.ROOT).startsWith("api")) {
            return problem(response, 400, "Bad Request",
                    "URL のパスが正規の形ではありません（// や . .. の区間、%2e %2f ; などを含みます）。リンクのとおりのパスで送ってください。");
        }
        try {
            response.sendError(400);
        } catch (IOException gone) {
            // the client went away; nothing left to tell it
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private AuthenticationStatus api(HttpServletRequest request, HttpServletResponse response,
                                     HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return context.doNothing();
        }
        String address = throttle.address(request);
        Optional<Duration> wait = throttle.retryAfter(address, Instant.now());
        if (wait.isPresent()) {
            response.setHeader("Retry-After", Long.toString(Math.max(1, wait.get().toSeconds() + 1)));
            return problem(response, 429, "Too Many Requests",
                    "ログインの失敗が続いたため、この接続元からのログインをしばらく受け付けません。Retry-After の秒数だけ待ってから送り直してください。");
        }
        UsernamePasswordCredential credential = decodeBasic(header.substring(6).strip());
        try {
            CredentialValidationResult result = credential == null ? CredentialValidationResult.INVALID_RESULT
                    : identityStores.validate(credential);
            if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                throttle.failed(address, Instant.now());
                return problem(response, 401, "Unauthorized", "Invalid credentials.");
            }
            if (accounts.mustChangePassword(result.getCallerPrincipal().getName())) {
                return problem(response, 403, "Forbidden",
                        "パスワードを変更してください。管理者が設定した初期パスワードのままです。ログイン画面からログインして変更すると API も使えます。");
            }
            return context.notifyContainerAboutLogin(result);
        } catch (RuntimeException e) {
            // accounts live in the database: while it is down nobody can be checked, which is not a 401
            if (!DatabaseUnavailable.in(e)) {
                throw e;
            }
            DatabaseUnavailable.log("api login", e);
            response.setHeader("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
            return problem(response, 503, "Service Unavailable", Problems.UNAVAILABLE_DETAIL);
        }
    }

    private AuthenticationStatus page(HttpServletRequest request, HttpServletResponse response,
                                      HttpMessageContext context, String path) {
        Credential credential = context.getAuthParameters().getCredential();
        if (context.isAuthenticationRequest() && credential != null) {
            String address = throttle.address(request);
            Optional<Duration> wait = throttle.retryAfter(address, Instant.now());
            if (wait.isPresent()) {
                request.setAttribute(THROTTLED, Math.max(1, wait.get().toSeconds() + 1));
                return AuthenticationStatus.SEND_FAILURE;
            }
            CredentialValidationResult result;
            try {
                result = identityStores.validate(credential);
            } catch (RuntimeException e) {
                if (!DatabaseUnavailable.in(e)) {
                    throw e;
                }
                DatabaseUnavailable.log("page login", e);
                return unavailable(request, response); // LoginPage completes the response as it is
            }
            if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                throttle.failed(address, Instant.now());
                return AuthenticationStatus.SEND_FAILURE;
            }
            Optional<Account> account = accounts.find(result.getCallerPrincipal().getName());
            if (account.isEmpty()) {
                return AuthenticationStatus.SEND_FAILURE;
            }
            request.changeSessionId();
            HttpSession session = request.getSession(true);
            session.setAttribute(SESSION_CALLER, result.getCallerPrincipal().getName());
            session.setAttribute(SESSION_GROUPS, new HashSet<>(result.getCallerGroups()));
            session.setAttribute(SESSION_SINCE, System.currentTimeMillis());
            session.setAttribute(SESSION_EPOCH, standing.epochOf(account.get()));
            if (account.get().isMustChangePassword()) {
                session.setAttribute(SESSION_MUST_CHANGE, Boolean.TRUE);
            }
            return context.notifyContainerAboutLogin(result);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_CALLER) instanceof String caller) {
            SessionStanding.Verdict verdict;
            try {
                verdict = verdict(session, caller);
            } catch (RuntimeException e) {
                if (!DatabaseUnavailable.in(e)) {
                    throw e;
                }
                DatabaseUnavailable.log("page session", e);
                return unavailable(request, response);
            }
            if (verdict == SessionStanding.Verdict.ENDED) {
                // the account was disabled or its password set since, or the session is too old: sign in again
                session.invalidate();
                return context.isProtected() ? toLogin(request, context) : context.doNothing();
            }
            if (verdict == SessionStanding.Verdict.MUST_CHANGE_PASSWORD) {
                session.setAttribute(SESSION_MUST_CHANGE, Boolean.TRUE);
            }
            if (session.getAttribute(SESSION_MUST_CHANGE) != null && !allowedBeforePasswordChange(path)) {
                return context.redirect(request.getContextPath() + PASSWORD_PAGE);
            }
            @SuppressWarnings("unchecked")
            Set<String> groups = (Set<String>) session.getAttribute(SESSION_GROUPS);
            return context.notifyContainerAboutLogin(caller, groups);
        }
        if (context.isProtected()) {
            return toLogin(request, context);
        }
        return context.doNothing();
    }

    private SessionStanding.Verdict verdict(HttpSession session, String caller) {
        Instant since = session.getAttribute(SESSION_SINCE) instanceof Long millis ? Instant.ofEpochMilli(millis) : null;
        Long epoch = session.getAttribute(SESSION_EPOCH) instanceof Long e ? e : null;
        return standing.of(caller, since, epoch, Instant.now());
    }

    private static AuthenticationStatus toLogin(HttpServletRequest request, HttpMessageContext context) {
        String target = request.getRequestURI().substring(request.getContextPath().length());
        if (request.getQueryString() != null) {
            target += "?" + request.getQueryString();
        }
        return context.redirect(request.getContextPath() + "/login?next=" + URLEncoder.encode(target, StandardCharsets.UTF_8));
    }

    private static AuthenticationStatus unavailable(HttpServletRequest request, HttpServletResponse response) {
        try {
            UnavailablePages.write(request, response);
        } catch (IOException gone) {
            // the client went away; nothing left to tell it
        }
        // the answer is written (like a redirect): nothing else may write to it
        return AuthenticationStatus.SEND_CONTINUE;
    }

    /** What an account that must change its password may open: the password page and what it is styled with. */
    static boolean allowedBeforePasswordChange(String path) {
        return path.equals(PASSWORD_PAGE) || path.equals(PASSWORD_PAGE + ".xhtml")
                || path.startsWith("/jakarta.faces.resource/") || path.startsWith("/resources/");
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SESSION_CALLER);
            session.removeAttribute(SESSION_GROUPS);
            session.removeAttribute(SESSION_MUST_CHANGE);
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }

    static UsernamePasswordCredential decodeBasic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                return null;
            }
            return new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static AuthenticationStatus problem(HttpServletResponse response, int status, String title, String detail) {
        try {
            response.setStatus(status);
            if (status == 401) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"tsunagu\", charset=\"UTF-8\"");
            }
            response.setContentType(Problems.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(Problems.document(status, title, detail, null).toString());
        } catch (IOException e) {
            // the client went away; nothing left to tell it
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
