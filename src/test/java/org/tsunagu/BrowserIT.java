package org.tsunagu;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Base of the browser tests: Debian's headless Chromium driven by Selenium through
 * /usr/bin/chromedriver (installed by .ci/run), the axe-core audit (no serious or critical
 * violation), and screenshots at 1280 px, 640 px (200 % zoom) and 360 px under target/screenshots
 * for review.
 */
public abstract class BrowserIT extends PortalIT {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    protected WebDriver browser;
    protected URI root;

    @BeforeEach
    void openBrowser() {
        Path driver = Path.of("/usr/bin/chromedriver");
        Path chromium = Path.of("/usr/bin/chromium");
        if (!Files.isExecutable(driver) || !Files.isExecutable(chromium)) {
            fail("browser tests need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
        }
        ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=ja");
        // the console, read after each test: no Content-Security-Policy violation, no uncaught script error
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        root = Api.loopback(base);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            try {
                List<String> problems = consoleProblems();
                assertTrue(problems.isEmpty(), () -> "the browser console reports: " + String.join("\n", problems));
            } finally {
                browser.quit();
            }
        }
    }

    /**
     * What the console logged since the last call that means a page is broken or attacked: a
     * Content-Security-Policy violation (an inline script or handler without the nonce, a source
     * the policy does not name) or an uncaught script error. Tiles that cannot load (no network in
     * the tests) are network errors and do not count.
     */
    protected List<String> consoleProblems() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Uncaught"))
                .toList();
    }

    /** Waits (up to 10 s) for the browser to get there: navigation after a click is asynchronous. */
    protected void until(java.util.function.Function<WebDriver, Boolean> condition) {
        // a page that re-renders itself (the board) may swap an element between finding and reading it
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition::apply);
    }

    protected void open(String path) {
        browser.get(root.resolve(path).toString());
    }

    /** axe-core on the current page: no serious or critical violation. */
    protected void audit(String page) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(browser);
        assertTrue(results.getPasses().size() > 10, () -> page + ": axe did not run its rules");
        List<Rule> bad = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact())).toList();
        assertTrue(bad.isEmpty(), () -> page + ": " + bad.stream().map(v -> v.getId() + " (" + v.getImpact() + "): "
                + v.getNodes().stream().limit(3).map(n -> n.getTarget().toString()).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; ")));
    }

    protected void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        // 640 px is the 1280 px window at 200 % zoom
        for (int width : new int[]{1280, 640, 360}) {
            browser.manage().window().setSize(new Dimension(width, 1000));
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + "-" + width + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

}
