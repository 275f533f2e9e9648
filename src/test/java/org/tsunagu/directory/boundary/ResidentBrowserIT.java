package org.tsunagu.directory.boundary;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.tsunagu.Api;
import org.tsunagu.BrowserIT;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The resident pages in a real browser ({@link BrowserIT}): flows a resident follows, the
 * axe-core audit of every page and screenshots.
 */
class ResidentBrowserIT extends BrowserIT {

    @Test
    void the_content_security_policy_blocks_injected_script_and_the_console_check_sees_it() {
        open("");
        until(d -> !d.findElements(By.id("map")).isEmpty());
        // what an injection would add: an inline handler and an inline script without the nonce
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.body.insertAdjacentHTML('beforeend', '<img id=\"probe\" src=\"/no-such-image.png\" onerror=\"window.cspHandlerRan=1\">');"
                        + "var s = document.createElement('script'); s.textContent = 'window.cspScriptRan = 1;'; document.body.appendChild(s);");
        until(d -> {
            consoleSeen.addAll(consoleProblems());
            return consoleSeen.size() >= 2;
        });
        assertTrue(consoleSeen.stream().allMatch(m -> m.contains("Content Security Policy")), consoleSeen::toString);
        Object ran = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return [window.cspHandlerRan, window.cspScriptRan];");
        assertEquals(java.util.Arrays.asList(null, null), ran, "neither ran");
    }

    final List<String> consoleSeen = new java.util.ArrayList<>();

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
