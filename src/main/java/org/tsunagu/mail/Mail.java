package org.tsunagu.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.Properties;

/**
 * Sends one plain-text email through the configured SMTP server (TSUNAGU_SMTP_*). One place for
 * the settings and time-outs, used by the alert notifications and the monthly stale digest; what
 * is written in the mail, and whether it may hold personal data (never), is the caller's rule.
 */
@ApplicationScoped
public class Mail {

    @Inject
    @ConfigProperty(name = "tsunagu.smtp.host", defaultValue = "127.0.0.1")
    String host;

    @Inject
    @ConfigProperty(name = "tsunagu.smtp.port", defaultValue = "25")
    int port;

    @Inject
    @ConfigProperty(name = "tsunagu.smtp.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "tsunagu.smtp.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "tsunagu.smtp.starttls", defaultValue = "false")
    boolean starttls;

    @Inject
    @ConfigProperty(name = "tsunagu.mail.from", defaultValue = "tsunagu@localhost")
    String from;

    @Inject
    @ConfigProperty(name = "tsunagu.base.url", defaultValue = "http://127.0.0.1:8080")
    String baseUrl;

    /** One mail session for every email (creating one reads the providers from the class path each time). */
    private Session session;

    @jakarta.annotation.PostConstruct
    void configure() {
        session = Session.getInstance(sessionProperties(host, port, starttls, user.isPresent()));
    }

    /**
     * The mail session's settings. With {@code tsunagu.smtp.starttls} STARTTLS is required, not just
     * tried: a server (or a man in the middle) that does not offer it makes the send fail instead of
     * carrying the credentials and the mail in plain text.
     */
    static Properties sessionProperties(String host, int port, boolean starttls, boolean auth) {
        Properties props = new Properties();
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", Integer.toString(port));
        props.put("mail.smtp.connectiontimeout", "5000");
        props.put("mail.smtp.timeout", "5000");
        props.put("mail.smtp.writetimeout", "5000");
        props.put("mail.smtp.starttls.enable", Boolean.toString(starttls));
        props.put("mail.smtp.starttls.required", Boolean.toString(starttls));
        props.put("mail.smtp.auth", Boolean.toString(auth));
        return props;
    }

    /** Sends or throws; the caller records the failure and retries. */
    public void send(String to, String subject, String body) throws MessagingException {
        if (to == null || to.isBlank()) {
            throw new MessagingException("no recipient address");
        }
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(from));
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
        m.setSubject(subject, "UTF-8");
        m.setText(body, "UTF-8");
        if (user.isPresent()) {
            Transport.send(m, user.get(), password.orElse(""));
        } else {
            Transport.send(m);
        }
    }

    /** The portal's public address for links in emails, without a trailing slash. */
    public String link(String path) {
        return baseUrl.replaceAll("/+$", "") + path;
    }
}
