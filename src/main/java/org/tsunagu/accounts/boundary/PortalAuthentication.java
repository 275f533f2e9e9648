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
import org.tsunagu.accounts.control.PasswordHashing;
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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
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
 * Both doors share the {@link LoginThrottle} (per address and username, with a ceiling per address)
 * and record every attempt ({@link #check}): credentials that verify always sign in; a throttled
 * client's wrong password gets 429 with Retry-After on the API and a message on the login page.
 * Unknown user and wrong password give the same answer. Sign-ins, failures, throttling, lockouts
 * and logouts are audited ({@code login}, {@code login.failed}, {@code login.throttled},
 * {@code login.lockout}, {@code logout}).
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
    /** Request attribute set when no password verification was free: seconds to wait. */
    static final String BUSY = "tsunagu.loginBusy";
    /** How often, at most, an API account's sign-in is audited per instance. */
    static final Duration API_LOGIN_AUDIT = Duration.ofMinutes(15);
    private static final Logger LOG = Logger.getLogger(PortalAuthentication.class.getName());

    private final Map<String, Instant> apiLogins = new ConcurrentHashMap<>();

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

    /** What checking one login attempt came to. */
    enum Outcome {
        /** The credentials verify: sign in. */
        VALID,
        /** Wrong (or unknown, locked, disabled): 401 / the login page's message. */
        INVALID,
        /** Over the throttle's limits and not signed in: 429 with Retry-After. */
        THROTTLED,
        /** No password verification free: 429 with Retry-After. */
        BUSY,
        /** The database is down: 503. */
        UNAVAILABLE
    }

    record Check(Outcome outcome, CredentialValidationResult result, long retryAfterSeconds) {
    }

    /**
     * One login attempt through the throttle, on either door: a slot is reserved before the password
     * is checked, and the attempt is recorded in {@code finally} (a checked failure counts for the
     * throttle and, atomically and in its own transaction, against the account). Credentials that
     * verify always sign in, throttled or not, unless the account is locked or disabled.
     */
    private Check check(HttpServletRequest request, Credential credential, String door) {
        String username = credential instanceof UsernamePasswordCredential up ? up.getCaller() : "";
        Instant now = Instant.now();
        LoginThrottle.Attempt attempt = throttle.begin(throttle.address(request), username, now);
        long retry = Math.max(1, attempt.retryAfter().toSeconds() + 1);
        if (attempt.busy()) {
            // every slot held by checks still running (a burst of right passwords, say): nobody's failure
            return new Check(Outcome.BUSY, null, retry);
        }
        if (attempt.refused()) {
            // another check of this address and user is running: refused unchecked, counted against the account
            record(username, door, throttle.firstRefusal(attempt, now) ? "login.throttled" : null, now);
            return new Check(Outcome.THROTTLED, null, retry);
        }
        boolean failed = false;
        try {
            CredentialValidationResult result = credential == null ? CredentialValidationResult.INVALID_RESULT
                    : identityStores.validate(credential);
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return new Check(Outcome.VALID, result, 0);
            }
            failed = true;
            return attempt.admitted() ? new Check(Outcome.INVALID, null, 0) : new Check(Outcome.THROTTLED, null, retry);
        } catch (RuntimeException e) {
            if (busy(e)) {
                return new Check(Outcome.BUSY, null, PasswordHashing.Busy.RETRY_AFTER_SECONDS);
            }
            // accounts live in the database: while it is down nobody can be checked, which is not a 401
            if (!DatabaseUnavailable.in(e)) {
                throw e;
            }
            DatabaseUnavailable.log(door + " login", e);
            return new Check(Outcome.UNAVAILABLE, null, DatabaseUnavailable.RETRY_AFTER_SECONDS);
        } finally {
            // counted against the account before the pair's turn passes on, so the next check sees a lock it caused
            if (failed) {
                record(username, door, attempt.admitted() ? "login.failed" : "login.throttled", Instant.now());
            }
            throttle.end(attempt, failed, Instant.now());
        }
    }

    /** Counts a failed or refused attempt against the account, and audits it; never fails the request. */
    private void record(String username, String door, String action, Instant now) {
        try {
            accounts.loginFailed(username, door, action, now);
        } catch (RuntimeException e) {
            LOG.warning(() -> "a failed login could not be recorded (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Audits a sign-in or logout in its own transaction; never fails the request. */
    void audit(String username, String action, String detail) {
        try {
            accounts.audited(username, action, detail);
        } catch (RuntimeException e) {
            LOG.warning(() -> "an authentication event could not be audited (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * API clients send their credentials with every request: a sign-in is audited when the account
     * was not seen on this instance for {@link #API_LOGIN_AUDIT}, not on every request.
     */
    private boolean firstApiLoginInAWhile(String username, Instant now) {
        if (apiLogins.size() >= 10_000) {
            apiLogins.clear();
        }
        Instant last = apiLogins.put(username, now);
        return last == null || !last.plus(API_LOGIN_AUDIT).isAfter(now);
    }

    private static boolean busy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PasswordHashing.Busy) {
                return true;
            }
        }
        return false;
    }

    private AuthenticationStatus api(HttpServletRequest request, HttpServletResponse response,
                                     HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return context.doNothing();
        }
        UsernamePasswordCredential credential = decodeBasic(header.substring(6).strip());
        Check check = check(request, credential, "api");
        switch (check.outcome()) {
            case THROTTLED -> {
                response.setHeader("Retry-After", Long.toString(check.retryAfterSeconds()));
                return problem(response, 429, "Too Many Requests",
                        "ログインの失敗が続いたため、この接続元からのこのユーザーのログインを制限しています（確認は一度に一つずつです）。パスワードを確かめ、Retry-After の秒数だけ待ってから送り直してください。");
            }
            case BUSY -> {
                response.setHeader("Retry-After", Long.toString(check.retryAfterSeconds()));
                return problem(response, 429, "Too Many Requests",
                        "ただいまログインの確認が混み合っています。Retry-After の秒数だけ待ってから送り直してください。");
            }
            case UNAVAILABLE -> {
                response.setHeader("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
                return problem(response, 503, "Service Unavailable", Problems.UNAVAILABLE_DETAIL);
            }
            case INVALID -> {
                return problem(response, 401, "Unauthorized", "Invalid credentials.");
            }
            default -> {
                // VALID
            }
        }
        CredentialValidationResult result = check.result();
        String caller = result.getCallerPrincipal().getName();
        try {
            if (accounts.mustChangePassword(caller)) {
                return problem(response, 403, "Forbidden",
                        "パスワードを変更してください。管理者が設定した初期パスワードのままです。ログイン画面からログインして変更すると API も使えます。");
            }
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.in(e)) {
                throw e;
            }
            DatabaseUnavailable.log("api login", e);
            response.setHeader("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
            return problem(response, 503, "Service Unavailable", Problems.UNAVAILABLE_DETAIL);
        }
        if (firstApiLoginInAWhile(caller, Instant.now())) {
            audit(caller, "login", "api");
        }
        return context.notifyContainerAboutLogin(result);
    }

    private AuthenticationStatus page(HttpServletRequest request, HttpServletResponse response,
                                      HttpMessageContext context, String path) {
        Credential credential = context.getAuthParameters().getCredential();
        if (context.isAuthenticationRequest() && credential != null) {
            Check check = check(request, credential, "page");
            switch (check.outcome()) {
                case THROTTLED -> {
                    request.setAttribute(THROTTLED, check.retryAfterSeconds());
                    return AuthenticationStatus.SEND_FAILURE;
                }
                case BUSY -> {
                    request.setAttribute(BUSY, check.retryAfterSeconds());
                    return AuthenticationStatus.SEND_FAILURE;
                }
                case UNAVAILABLE -> {
                    return unavailable(request, response); // LoginPage completes the response as it is
                }
                case INVALID -> {
                    return AuthenticationStatus.SEND_FAILURE;
                }
                default -> {
                    // VALID
                }
            }
            CredentialValidationResult result = check.result();
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
            audit(result.getCallerPrincipal().getName(), "login", "page");
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
