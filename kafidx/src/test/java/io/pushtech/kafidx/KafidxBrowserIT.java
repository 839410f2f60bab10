package io.pushtech.kafidx;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushtech.devstack.DevStack;
import io.pushtech.devstack.junit.TestNamespace;
import io.pushtech.devstack.junit.WithDevStack;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The kafidx page in a real headless Chromium, against kafidx on the real stack. */
@WithDevStack
class KafidxBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static KafidxStack kafidx;
    private static ChromeDriver browser;

    @BeforeAll
    static void start(DevStack stack, TestNamespace namespace) throws Exception {
        kafidx = KafidxStack.start(stack, namespace, Map.of());
        browser = Chromium.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        kafidx.close();
    }

    @BeforeEach
    void blankPage() {
        // A URL differing only in its fragment would not reload the page.
        browser.get("about:blank");
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(browser, WAIT, Duration.ofMillis(100));
    }

    private static void openLive(String token) {
        browser.get(kafidx.baseUrl() + "/kafidx/#token=" + token);
        waiting().until(ExpectedConditions.textMatches(By.id("status"), Pattern.compile("^live")));
    }

    @Test
    void eventProducedToKafkaAppearsOnThePageMasked() throws Exception {
        // Given
        String device = "browser-" + UUID.randomUUID();
        openLive(kafidx.adminToken());

        // When
        kafidx.produce(
                "events",
                device,
                Map.of("type", "location", "deviceId", device, "ip", "203.0.113.0", "lat", 48.8566123));

        // Then
        WebElement row = waiting()
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.xpath("//li[contains(@class,'event')][contains(., '" + device + "')]")));
        assertThat(row.getText())
                .contains("location")
                .doesNotContain("203.0.113.0")
                .contains("48.857");
        row.click();
        WebElement pretty = waiting().until(d -> row.findElement(By.tagName("pre")));
        assertThat(pretty.getText())
                .contains("\"deviceId\": \"" + device + "\"")
                .contains("\"ip\": \"***\"");
    }

    @Test
    void invalidFilterShowsAnErrorAtOnce() {
        // Given
        openLive(kafidx.adminToken());
        WebElement filter = browser.findElement(By.id("filter"));
        filter.clear();

        // When
        filter.sendKeys("deviceId=", Keys.ENTER);

        // Then
        WebElement error = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertThat(error.getText()).startsWith("invalid_filter:");
    }

    @Test
    void tokenWithoutTheAdminRoleIsToldSo() {
        // When
        browser.get(kafidx.baseUrl() + "/kafidx/#token=" + kafidx.userToken());

        // Then
        WebElement error = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertThat(error.getText()).startsWith("admin_required:");
        assertThat(browser.findElement(By.id("login")).isDisplayed()).isTrue();
    }

    @Test
    void pausedPageKeepsWhatItShowedAndResumesLive() throws Exception {
        // Given
        String device = "browser-" + UUID.randomUUID();
        openLive(kafidx.adminToken());
        kafidx.produce("events", device, Map.of("type", "view", "deviceId", device, "seq", 1));
        waiting().until(ExpectedConditions.presenceOfElementLocated(eventOf(device, 1)));
        browser.findElement(By.id("pause")).click();
        waiting().until(ExpectedConditions.textMatches(By.id("status"), Pattern.compile("^paused")));
        kafidx.produce("events", device, Map.of("type", "view", "deviceId", device, "seq", 2));

        // When
        browser.findElement(By.id("pause")).click();
        waiting().until(ExpectedConditions.textMatches(By.id("status"), Pattern.compile("^live")));
        kafidx.produce("events", device, Map.of("type", "view", "deviceId", device, "seq", 3));

        // Then
        waiting().until(ExpectedConditions.presenceOfElementLocated(eventOf(device, 3)));
        assertThat(browser.findElements(eventOf(device, 1))).hasSize(1);
        assertThat(browser.findElements(eventOf(device, 2))).isEmpty();
    }

    private static By eventOf(String device, int seq) {
        return By.xpath(
                "//li[contains(@class,'event')][contains(., '" + device + "')][contains(., '\"seq\":" + seq + "')]");
    }
}
