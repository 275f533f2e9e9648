package org.tsunagu.alerts.boundary;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.tsunagu.Api;
import org.tsunagu.BrowserIT;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The alert pages in a real browser: a delivery driver files an alert on a 360 px phone and gets a
 * receipt number; center staff see a new alert appear on the board without reloading, open it and
 * acknowledge it; every page passes the axe audit.
 */
class AlertPagesBrowserIT extends BrowserIT {

    void login(String user) {
        open("login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(Api.DEMO_PASSWORD);
        browser.findElement(By.id("submit")).click();
        until(d -> !d.getCurrentUrl().contains("/login"));
    }

    @Test
    void a_partner_files_an_alert_on_a_phone_and_gets_a_receipt_number() throws IOException {
        browser.manage().window().setSize(new Dimension(360, 900));
        login("partner");
        assertTrue(browser.getCurrentUrl().contains("/partner/"), "partners start on their own page");
        audit("partner home");
        browser.findElement(By.id("new-report")).click();
        until(d -> !d.findElements(By.id("report:review")).isEmpty());
        assertTrue(browser.findElement(By.cssSelector(".emergency")).getText().contains("119"), "the emergency banner comes first");
        audit("report form");
        screenshot("partner-report-form");
        browser.manage().window().setSize(new Dimension(360, 900));
        assertFalse(browser.findElement(By.id("report:reporterName")).getAttribute("value").isBlank(),
                "the reporter is prefilled from the account");

        // nothing chosen: the form says what is missing and keeps what was typed
        browser.findElement(By.id("report:placeNote")).sendKeys("青い屋根の家");
        browser.findElement(By.id("report:review")).click();
        until(d -> !d.findElements(By.cssSelector(".message")).isEmpty());
        String problems = browser.findElement(By.cssSelector(".message")).getText();
        assertTrue(problems.contains("緊急度") && problems.contains("異変"), problems);
        assertEquals("青い屋根の家", browser.findElement(By.id("report:placeNote")).getAttribute("value"));

        click(browser.findElement(By.cssSelector("input[name='report:urgency'][value='urgent']")));
        click(browser.findElement(By.cssSelector("input[name='report:anomalies'][value='mail_piling_up']")));
        click(browser.findElement(By.cssSelector("input[name='report:anomalies'][value='no_response']")));
        WebElement address = browser.findElement(By.id("report:address"));
        address.sendKeys("ひだまり市若葉2-3-5");
        browser.findElement(By.id("report:personAge")).sendKeys("80代");
        browser.findElement(By.id("report:review")).click();
        until(d -> !d.findElements(By.id("report:send")).isEmpty());
        String confirmation = browser.findElement(By.tagName("main")).getText();
        assertTrue(confirmation.contains("新聞・郵便物がたまっている") && confirmation.contains("若葉2-3-5"), confirmation);
        audit("report confirmation");
        browser.findElement(By.id("report:send")).click();
        until(d -> !d.findElements(By.id("receipt-no")).isEmpty());
        String receipt = browser.findElement(By.id("receipt-no")).getText();
        assertTrue(receipt.matches("W-\\d{4}-\\d{6}"), receipt);
        assertTrue(browser.findElement(By.id("receipt-center")).getText().contains("若葉"), "routed by the address");
        audit("receipt");
        screenshot("partner-receipt");

        // a reload of the receipt is a GET: still one alert
        browser.navigate().refresh();
        open("partner/");
        until(d -> !d.findElements(By.id("history")).isEmpty());
        String history = browser.findElement(By.id("history")).getText();
        assertEquals(1, history.split(receipt, -1).length - 1, "the alert is listed once");
        assertTrue(history.contains("受付"), "with its status");
        audit("history");
    }

    @Test
    void staff_see_a_new_alert_appear_on_the_board_and_acknowledge_it() throws IOException {
        login("core");
        open("staff/alerts");
        until(d -> !d.findElements(By.id("board")).isEmpty());
        audit("board");
        String placeNote = "掲示板テスト" + UUID.randomUUID().toString().substring(0, 6);
        Api.Reply filed = anonymous.asDemo("partner").postJson("api/v1/alerts", "{\"address\":\"ひだまり市若葉2-3-5\","
                + "\"placeNote\":\"" + placeNote + "\",\"observedAt\":\"2026-11-23T09:40:00+09:00\","
                + "\"anomalies\":[\"not_seen\"],\"urgency\":\"emergency\",\"reporterName\":\"配達員\",\"reporterPhone\":\"090-1111-2222\"}");
        assertEquals(201, filed.status(), filed::toString);
        long id = filed.json().getJsonNumber("id").longValue();
        // board.js re-reads the board every 10 s: the row appears without a reload
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> !d.findElements(By.cssSelector("[data-alert='" + id + "']")).isEmpty());
        By row = By.cssSelector("[data-alert='" + id + "']");
        until(d -> d.findElement(row).getText().contains("緊急"));
        assertFalse(browser.getPageSource().contains(placeNote), "the board shows no personal details");
        screenshot("staff-board");
        until(d -> {
            d.findElement(row).findElement(By.tagName("a")).click(); // the board may be swapped under the click: retried
            return true;
        });
        until(d -> !d.findElements(By.id("alert-receipt")).isEmpty());
        assertTrue(browser.findElement(By.id("alert-address")).getText().contains(placeNote));
        audit("alert detail");
        browser.findElement(By.id("acknowledge:go")).click();
        until(d -> d.findElements(By.id("alert-status")).stream().anyMatch(e -> e.getText().contains("確認済み")));
        assertTrue(browser.findElement(By.id("timeline")).getText().contains("確認"));
        // what staff did is visible to the partner as a status only
        assertTrue(anonymous.asDemo("partner").get("api/v1/alerts/mine").body().contains("\"status\":\"acknowledged\""));
        screenshot("staff-alert");
        open("staff/unsent");
        audit("unsent");
    }

    private void click(WebElement e) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block:'center'})", e);
        e.click();
    }
}
