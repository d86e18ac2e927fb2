package org.tunelab.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tunelab.Config;
import org.tunelab.web.Server;

/** axe-core (vendored from npm in test resources) finds no serious or critical violations. */
class AccessibilityTest {
    @TempDir
    static Path dir;
    static Server server;
    static ChromeDriver browser;
    static String axe;

    @BeforeAll
    static void start() throws IOException {
        browser = Browser.start(dir.resolve("profile"));
        server = Server.start(Config.forTest(Path.of("."), dir.resolve("data")).withInstructorKey("a-key-for-axe-only"));
        try (InputStream in = AccessibilityTest.class.getResourceAsStream("/axe/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/lessons/welcome", "/lessons/prompts-are-text", "/join", "/account", "/instructor"})
    void noSeriousOrCriticalViolations(String path) {
        browser.get("http://127.0.0.1:" + server.port() + path);
        new WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector("textarea.cell-code:not([readonly])")).isEmpty()
                        || !d.findElements(By.cssSelector(".CodeMirror")).isEmpty());
        browser.executeScript(axe);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) browser.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map(v => ({"
                        + "id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))));");
        List<Map<String, Object>> serious = violations.stream()
                .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                .toList();
        assertTrue(serious.isEmpty(), () -> path + ": " + serious.stream().map(Object::toString)
                .collect(Collectors.joining("\n")));
    }
}
