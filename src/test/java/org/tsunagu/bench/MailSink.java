package org.tsunagu.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An SMTP server on loopback that accepts everything, for alert-benchmark.sh: the outbox worker
 * really sends while partners submit, as in production, instead of failing and writing retries.
 * Usage: {@code MailSink <port> <count-file>}; on SIGTERM it writes how many emails it received.
 * Not a test (no *Test/*IT name).
 */
public final class MailSink {

    private MailSink() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path countFile = Path.of(args[1]);
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.writeString(countFile, Integer.toString(smtp.getReceivedMessages().length) + "\n");
            } catch (java.io.IOException e) {
                e.printStackTrace();
            }
            smtp.stop();
        }));
        System.out.println("mail sink on 127.0.0.1:" + port);
        Thread.currentThread().join();
    }
}
