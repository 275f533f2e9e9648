package org.tsunagu.directory.boundary;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.tsunagu.Api;
import org.tsunagu.PortalIT;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The resident pages in a real browser: Debian's headless Chromium driven by Selenium through
 * /usr/bin/chromedriver (installed by .ci/run). Flows a resident follows, the axe-core audit of
 * every page (no serious or critical violation), and screenshots at 1280 px, 640 px (200 % zoom) and 360 px under
 * target/screenshots for review.
 */
class ResidentBrowserIT extends PortalIT {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    WebDriver browser;
    URI root;

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
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        root = Api.loopback(base);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Waits (up to 10 s) for the browser to get there: navigation after a click is asynchronous. */
    void until(java.util.function.Function<WebDriver, Boolean> condition) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(10)).until(condition::apply);
    }

    void open(String path) {
        browser.get(root.resolve(path).toString());
    }

    /** axe-core on the current page: no serious or critical violation. */
    void audit(String page) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(browser);
        assertTrue(results.getPasses().size() > 10, () -> page + ": axe did not run its rules");
        List<Rule> bad = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact())).toList();
        assertTrue(bad.isEmpty(), () -> page + ": " + bad.stream().map(v -> v.getId() + " (" + v.getImpact() + "): "
                + v.getNodes().stream().limit(3).map(n -> n.getTarget().toString()).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; ")));
    }

    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        // 640 px is the 1280 px window at 200 % zoom
        for (int width : new int[]{1280, 640, 360}) {
            browser.manage().window().setSize(new Dimension(width, 1000));
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + "-" + width + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

    @Test
    void keyword_and_filters_lead_to_a_resource_and_its_calendar() throws IOException {
        open("");
        audit("search page");
        assertFalse(browser.findElement(By.cssSelector("header .municipality")).getText().isBlank(), "municipality name");
        WebElement q = browser.findElement(By.id("q"));
        q.sendKeys("みど");
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(5)).until(d ->
                !d.findElements(By.cssSelector("#q-suggestions option[value='緑が丘']")).isEmpty());
        q.clear();
        q.sendKeys("さろん");
        browser.findElement(By.cssSelector("input[name=weekday][value=wed]")).sendKeys(" ");
        q.sendKeys(org.openqa.selenium.Keys.ESCAPE); // close the suggestion list, then submit from the keyboard
        q.sendKeys(org.openqa.selenium.Keys.ENTER);
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().contains("weekday=wed") && d.getCurrentUrl().contains("q="));
        assertTrue(browser.getCurrentUrl().contains("weekday=wed"), "the state is in the URL");
        List<WebElement> hits = browser.findElements(By.cssSelector("ol.hits li.hit h3 a"));
        assertFalse(hits.isEmpty(), "Wednesday salons are found");
        assertFalse(browser.findElements(By.cssSelector("#map .leaflet-marker-icon")).isEmpty(), "markers follow the list");
        audit("search results");
        screenshot("search-results");
        String name = hits.get(0).getText();
        hits.get(0).click();
        until(d -> d.getCurrentUrl().matches(".*/resources/[0-9]+$"));
        assertEquals(name, browser.findElement(By.tagName("h1")).getText());
        assertFalse(browser.findElements(By.cssSelector("time")).isEmpty(), "next dates");
        String ics = browser.findElement(By.cssSelector("a[href$='calendar.ics']")).getAttribute("href");
        assertTrue(ics.contains("/api/v1/resources/"), ics);
        audit("resource page");
        screenshot("resource");
        browser.findElement(By.cssSelector("a[href$='/print']")).click();
        until(d -> d.getCurrentUrl().endsWith("/print"));
        assertFalse(browser.findElements(By.cssSelector("figure.qr svg")).isEmpty(), "QR code on the sheet");
        audit("print sheet");
    }

    @Test
    void a_date_filter_and_an_empty_result_explain_themselves() {
        open("?date=2026-12-12&category=salon");
        assertTrue(browser.findElement(By.id("date")).getAttribute("value").equals("2026-12-12"));
        open("?q=" + Api.q("存在しない名前ぬぬぬ"));
        assertTrue(browser.getPageSource().contains("条件に合う場所は見つかりませんでした"));
        audit("empty result");
    }

    @Test
    void my_center_by_address_with_keyboard_only() throws IOException {
        open("centers/lookup");
        WebElement address = browser.findElement(By.id("address"));
        address.sendKeys("若葉２丁目３－５");
        address.submit();
        until(d -> !d.findElements(By.id("result-center")).isEmpty());
        assertTrue(browser.findElement(By.id("result-center")).getText().contains("若葉地域包括支援センター"));
        audit("my center");
        screenshot("my-center");
        open("centers/");
        audit("centers");
        open("partners");
        audit("partners");
        open("login");
        audit("login");
    }

    @Test
    void language_and_large_text_switch_and_stay() throws IOException {
        open("");
        browser.findElement(By.linkText("English")).click();
        until(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("Find local resources", browser.findElement(By.tagName("h1")).getText());
        audit("search page in English");
        browser.findElement(By.linkText("日本語")).click();
        until(d -> "ja".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        browser.findElement(By.linkText("文字を大きく")).click();
        until(d -> d.findElement(By.tagName("body")).getAttribute("class").contains("large-text"));
        assertTrue(browser.findElement(By.tagName("body")).getAttribute("class").contains("large-text"));
        open("partners");
        assertTrue(browser.findElement(By.tagName("body")).getAttribute("class").contains("large-text"), "remembered");
        browser.findElement(By.linkText("白黒反転（高コントラスト）")).click();
        until(d -> d.findElement(By.tagName("body")).getAttribute("class").contains("high-contrast"));
        audit("high contrast, large text");
        screenshot("large-high-contrast");
    }
}
