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
 * Sends plain-text emails through the configured SMTP server (TSUNAGU_SMTP_*). One place for
 * the settings and time-outs, used by the alert notifications and the monthly stale digest; what
 * is written in the mail, and whether it may hold personal data (never), is the caller's rule.
 * A {@link Batch} sends many through one SMTP session (the outbox after an outage: thousands of
 * mails, not one connection and handshake each), and tries to connect once per batch.
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
    org.tsunagu.web.PublicAddress publicAddress;

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
        MimeMessage m = message(to, subject, body);
        if (user.isPresent()) {
            Transport.send(m, user.get(), password.orElse(""));
        } else {
            Transport.send(m);
        }
    }

    /** A batch of emails over one SMTP session; close it when done (try-with-resources). */
    public Batch batch() {
        return new Batch();
    }

    private MimeMessage message(String to, String subject, String body) throws MessagingException {
        if (to == null || to.isBlank()) {
            throw new MessagingException("no recipient address");
        }
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(from));
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
        m.setSubject(subject, "UTF-8");
        m.setText(body, "UTF-8");
        m.saveChanges();
        return m;
    }

    /**
     * Emails sent through one connection to the SMTP server, opened at the first {@link #send}. When
     * the server cannot be reached, that failure is the answer to every later send of the batch
     * without another attempt (no 5 s connect time-out per mail); when the server drops the connection
     * in the middle, the next send connects once more. Not thread-safe: one batch per delivery round.
     */
    public final class Batch implements AutoCloseable {

        private Transport transport;
        private MessagingException unreachable;
        private int connections;

        private Batch() {
        }

        /** Sends one email in this batch's session, or throws (the caller records the failure). */
        public void send(String to, String subject, String body) throws MessagingException {
            MimeMessage m = message(to, subject, body);
            Transport t = connected();
            try {
                t.sendMessage(m, m.getAllRecipients());
            } catch (IllegalStateException closed) {
                // the server ended the session after an earlier mail: one new connection for the rest
                transport = null;
                connected().sendMessage(m, m.getAllRecipients());
            }
        }

        /** Connects now if not yet connected; false (and unreachable from then on) when the server does not answer. */
        public boolean reachable() {
            try {
                connected();
                return true;
            } catch (MessagingException e) {
                return false;
            }
        }

        /** Whether this session found the server unreachable (every further send fails at once, without the network). */
        public boolean isUnreachable() {
            return unreachable != null;
        }

        private Transport connected() throws MessagingException {
            if (unreachable != null) {
                throw unreachable;
            }
            if (transport != null) {
                return transport;
            }
            try {
                Transport t = session.getTransport("smtp");
                connections++;
                if (user.isPresent()) {
                    t.connect(user.get(), password.orElse(""));
                } else {
                    t.connect();
                }
                transport = t;
                return t;
            } catch (MessagingException e) {
                unreachable = e;
                throw e;
            }
        }

        /** How many connections this batch opened (1 for a batch the server took whole). */
        public int connections() {
            return connections;
        }

        @Override
        public void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException e) {
                    // the mails were handed over or their failures recorded; a failed QUIT changes nothing
                }
                transport = null;
            }
        }
    }

    /** The absolute address of a portal path for links in emails: the configured public address ({@code web.PublicAddress}). */
    public String link(String path) {
        return publicAddress.of(path);
    }
}
