package org.tsunagu.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;

/**
 * The portal's public address ({@code tsunagu.base.url}) for every link that leaves the request:
 * the printed sheet's QR code, the booklet's QR codes, a calendar's {@code URL:}. Behind a load
 * balancer the Host header is whatever the balancer or a client put there; a printed sheet or an
 * imported calendar entry pointing at {@code http://10.0.3.7:8080/...} (or at a host an attacker
 * sent) would be a dead or a hostile link on paper that lives for years. So the configured address
 * wins, never the request.
 */
@ApplicationScoped
public class PublicAddress {

    @Inject
    @ConfigProperty(name = "tsunagu.base.url", defaultValue = "http://127.0.0.1:8080")
    String baseUrl;

    public PublicAddress() {
    }

    /** For tests and callers outside CDI. */
    public PublicAddress(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /**
     * The absolute address of a path of the portal ({@code /resources/abc}).
     *
     * @throws IllegalArgumentException when the path is not absolute (a relative path would join
     *         onto the base in surprising ways)
     */
    public String of(String path) {
        if (path == null || !path.startsWith("/") || path.startsWith("//")) {
            throw new IllegalArgumentException("a portal path starts with one slash: " + path);
        }
        return base() + path;
    }

    /** The configured base without a trailing slash; a malformed setting is refused, not guessed. */
    String base() {
        String b = baseUrl == null ? "" : baseUrl.strip().replaceAll("/+$", "");
        URI u;
        try {
            u = URI.create(b);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("tsunagu.base.url is not an address: " + baseUrl, e);
        }
        if (u.getHost() == null || !("http".equals(u.getScheme()) || "https".equals(u.getScheme()))) {
            throw new IllegalStateException("tsunagu.base.url must be an http(s) address: " + baseUrl);
        }
        return b;
    }
}
