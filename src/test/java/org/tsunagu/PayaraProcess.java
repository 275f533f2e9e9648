package org.tsunagu;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Payara Micro started as an operator starts it (java -jar payara-micro.jar … --deploy tsunagu.war),
 * for the ITs that Arquillian cannot serve: its one managed server inherits one fixed environment and
 * can neither be killed nor run twice. Listens on a free loopback port (config/pre-boot-commands.asadmin);
 * the log goes to a file under target/ that the assertions name.
 */
public final class PayaraProcess {

    private final List<String> options;
    private final Map<String, String> env;
    private final Path logDir;
    private final String name;
    private final int port;
    private Process process;
    private Path log;

    /**
     * @param name     names the log file and the Payara instance
     * @param options  Payara Micro options besides port, context root and the WAR (e.g.
     *                 {@code --nohazelcast}, or the clustering options); the pre-boot and post-boot
     *                 files are config/pre-boot-commands.asadmin and config/post-boot-commands.asadmin
     *                 unless they name others
     * @param env      variables set on top of the test JVM's environment (a null value removes one)
     */
    public PayaraProcess(String name, List<String> options, Map<String, String> env) throws IOException {
        this.name = name;
        this.options = List.copyOf(options);
        this.env = new LinkedHashMap<>(env);
        this.logDir = Files.createDirectories(Path.of("target", "payara-processes"));
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            this.port = s.getLocalPort();
        }
    }

    /** A file of config/ (the project's Payara Micro boot command files). */
    public static String config(String file) {
        return System.getProperty("tsunagu.config") + "/" + file;
    }

    /** A free port on loopback (e.g. for an SMTP server the instances share). */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The command line and environment of the process; a new log file for its output. */
    private ProcessBuilder launcher() throws IOException {
        log = Files.createTempFile(logDir, name + "-", ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                // the data grid (when clustering) binds to the chosen interface only, not to every address
                "-Dhazelcast.socket.bind.any=false",
                "-jar", System.getProperty("payara.microJar"), "--name", name,
                "--port", String.valueOf(port), "--contextroot", "/"));
        if (!options.contains("--prebootcommandfile")) {
            command.addAll(List.of("--prebootcommandfile", config("pre-boot-commands.asadmin")));
        }
        if (!options.contains("--postbootcommandfile")) {
            command.addAll(List.of("--postbootcommandfile", config("post-boot-commands.asadmin")));
        }
        command.addAll(options);
        command.addAll(List.of("--deploy", System.getProperty("tsunagu.war")));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        env.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        return pb;
    }

    /** Starts the process for a start that is to fail: waits until it exits, its exit status. */
    public int startAndAwaitExit() throws IOException, InterruptedException {
        process = launcher().start();
        if (!process.waitFor(360, TimeUnit.SECONDS)) {
            throw new AssertionError("Payara Micro " + name + " still running after 360 s; log: " + log);
        }
        return process.exitValue();
    }

    /** The last non-blank line of the output. */
    public String lastLine() throws IOException {
        List<String> lines = Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    /** Starts the process and waits until Payara Micro says it is ready (deployed or not). */
    public PayaraProcess start() throws IOException, InterruptedException {
        ProcessBuilder pb = launcher();
        process = pb.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(360).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("Payara Micro " + name + " exited; log: " + log);
            }
            if (Files.readString(log).contains(" ready in ")) {
                return this;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Payara Micro " + name + " not up within 360 s; log: " + log);
    }

    /** SIGKILL: the instance dies as in a power cut, nothing is shut down. */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** SIGTERM, then SIGKILL after 30 s. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    /** The process id (e.g. for a thread dump with jcmd); -1 before the first start. */
    public long pid() {
        return process == null ? -1 : process.pid();
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    public int port() {
        return port;
    }

    public URI root() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    public Api api() {
        return new Api(URI.create("http://127.0.0.1:" + port + "/api/v1/"));
    }

    public Path log() {
        return log;
    }

    public String logText() throws IOException {
        return Files.readString(log);
    }
}
