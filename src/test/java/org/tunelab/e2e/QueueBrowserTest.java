package org.tunelab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tunelab.Config;
import org.tunelab.web.Server;

/**
 * A run waiting for the server's one run slot, in a real Chromium: quicker runs that come after it are let ahead,
 * and its cell says so rather than showing a place in line that grows for no reason.
 */
class QueueBrowserTest {
    @TempDir
    Path dir;

    /** Runs {@code code} in another lesson's kernel of the same student, from the page, without waiting for it. */
    private static void runElsewhere(ChromeDriver browser, String lesson, String code) {
        browser.executeScript("window.elsewhere = (window.elsewhere || []).concat("
                + "TuneLab.stream('/api/lessons/' + arguments[0] + '/run', { code: arguments[1] }, () => {}))", lesson, code);
    }

    @Test
    void aCellPassedByQuickerRunsSaysSoThenRuns() throws Exception {
        Path course = Browser.copyCourse(dir.resolve("course"));
        Config config = Config.forTest(course, dir.resolve("data")).withRunTimeout(Duration.ofSeconds(30))
                .withRunsAtOnce(1);
        ChromeDriver browser = Browser.start(dir.resolve("profile"));
        try (Server server = Server.start(config)) {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            browser.get("http://127.0.0.1:" + server.port() + "/lessons/welcome");
            WebElement cell = browser.findElements(By.cssSelector("section.cell")).get(1);
            browser.executeScript("arguments[0].querySelector('.CodeMirror').CodeMirror.setValue(arguments[1])",
                    cell, "Thread.sleep(600); \"slow\"");
            WebElement run = cell.findElement(By.cssSelector("button.run"));
            WebElement output = cell.findElement(By.cssSelector(".cell-output"));
            WebElement status = cell.findElement(By.cssSelector(".cell-status"));
            browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", run);
            run.click(); // the server learns that this cell takes 600 ms
            wait.until(d -> output.getText().contains("\"slow\""));
            for (String lesson : new String[] {"prompts-are-text", "models-and-tokens", "what-tiny-can-do"}) {
                runElsewhere(browser, lesson, "0"); // their kernels started, so that what follows only waits for the slot
            }
            browser.executeAsyncScript("Promise.all(window.elsewhere).then(arguments[arguments.length - 1])");

            runElsewhere(browser, "prompts-are-text", "Thread.sleep(3000); 1"); // takes the only slot
            Thread.sleep(500); // it is in by then: its kernel was ready
            run.click();
            wait.until(d -> status.getText().contains("next in line"));
            runElsewhere(browser, "models-and-tokens", "2 + 2");
            runElsewhere(browser, "what-tiny-can-do", "3 + 3");
            wait.until(d -> status.getText().contains("(quicker runs go first)"));
            assertEquals("Waiting for the server: number 3 in line (quicker runs go first)…", status.getText());
            Browser.screenshot(browser, "queue-passed", 1280, 900, cell);
            wait.until(d -> output.getText().contains("\"slow\"") && status.getText().startsWith("Done"));
        } finally {
            browser.quit();
        }
    }
}
