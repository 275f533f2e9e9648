package org.tsunagu.accounts.boundary;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.tsunagu.Api;
import org.tsunagu.BrowserIT;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin pages and the password page in a real browser: each passes the axe audit, also with a
 * form's error summary shown, and is captured for review at 1280, 640 and 360 px.
 */
class AdminPagesBrowserIT extends BrowserIT {

    @Test
    void the_admin_pages_pass_the_accessibility_audit() throws IOException {
        open("login");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(Api.DEMO_PASSWORD);
        browser.findElement(By.id("submit")).click();
        until(d -> !d.getCurrentUrl().contains("/login"));
        for (String page : new String[]{"admin/", "admin/areas", "admin/centers", "admin/partners", "admin/accounts", "account/password"}) {
            open(page);
            until(d -> !d.findElements(By.tagName("h1")).isEmpty());
            audit(page);
        }
        open("admin/accounts");
        screenshot("admin-accounts");
        browser.findElement(By.id("create:go")).click();
        until(d -> !d.findElements(By.id("create-errors")).isEmpty());
        assertTrue(browser.findElement(By.id("create-errors")).getText().contains("役割を選んでください"));
        audit("admin/accounts with errors");
        open("admin/areas");
        browser.findElement(By.id("towns:go")).click();
        until(d -> !d.findElements(By.id("towns-errors")).isEmpty());
        audit("admin/areas with errors");
        screenshot("admin-areas");
    }
}
