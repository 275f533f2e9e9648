package org.tsunagu.persistence;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.PrintStream;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.logging.Handler;
import java.util.logging.Logger;

/**
 * What a refused start does ({@link StartGuard} said no). Payara Micro outlives a failed deployment:
 * it would keep running without the application, {@code /health} answering 503 forever, and a
 * service manager (systemd, a container runtime) would see a running service. So a standalone
 * instance ({@code tsunagu.start.exit-on-refusal}, default true) ends its process with exit code
 * {@value #EXIT_CODE} once the reasons are logged, the refusal being the last line of its output;
 * the process is halted, not shut down, because a shutdown from inside the deployment that is
 * still running would wait for that deployment. A harness that must outlive a refused deployment
 * sets the flag to false and gets only the failed deployment (the exception returned here).
 */
public final class RefusedStart {

    /** The exit status of a refused start (docs/operations.md: RestartPreventExitStatus=3). */
    public static final int EXIT_CODE = 3;
    static final String EXIT_ON_REFUSAL = "tsunagu.start.exit-on-refusal";

    private static final Logger LOG = Logger.getLogger(RefusedStart.class.getName());

    private RefusedStart() {
    }

    /**
     * Logs each reason as {@code SEVERE "<prefix>: <reason>"}; then ends the process when it runs
     * standalone, else returns the exception that fails the deployment (throw it).
     */
    public static IllegalStateException refuse(String prefix, List<String> reasons) {
        return refuse(prefix, reasons, exits(ConfigProvider.getConfig(RefusedStart.class.getClassLoader())),
                System.err, Runtime.getRuntime()::halt);
    }

    /** Whether a refused start ends the process: {@code tsunagu.start.exit-on-refusal}, default true. */
    static boolean exits(Config config) {
        return config.getOptionalValue(EXIT_ON_REFUSAL, Boolean.class).orElse(true);
    }

    static IllegalStateException refuse(String prefix, List<String> reasons, boolean exit, PrintStream out, IntConsumer halt) {
        String all = prefix + ": " + String.join("; ", reasons);
        reasons.forEach(reason -> LOG.severe(prefix + ": " + reason));
        if (exit) {
            for (Handler handler : Logger.getLogger("").getHandlers()) {
                handler.flush();
            }
            // straight to the process output as well: the log handler may write asynchronously
            out.println(all + " (exit code " + EXIT_CODE + ")");
            out.flush();
            halt.accept(EXIT_CODE);
        }
        return new IllegalStateException(all);
    }
}
