package org.tunelab.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium, driven through Debian's chromedriver; nothing is downloaded. Where
 * neither is installed the browser tests are skipped with a message, except under CI, where
 * {@code .ci/run} installs them and their absence is a failure.
 */
final class Browser {
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("TUNELAB_CHROMIUM", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getenv().getOrDefault("TUNELAB_CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Browser() {
    }

    /** Copies the repository's own {@code lessons/} and {@code exercises/} into {@code course}, for a test's server. */
    static Path copyCourse(Path course) throws java.io.IOException {
        for (String folder : new String[] {"lessons", "exercises"}) {
            Path from = Path.of(folder);
            try (java.util.stream.Stream<Path> files = Files.walk(from)) {
                for (Path p : files.toList()) {
                    Path target = course.resolve(folder).resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target);
                    }
                }
            }
        }
        return course;
    }

    /** Starts Chromium, or skips (fails under CI) when it is not installed. */
    static ChromeDriver start(Path profile) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            String message = "Browser tests need Chromium and chromedriver (apt-get install chromium chromium-driver); "
                    + "not found at " + CHROMIUM + " and " + DRIVER;
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(message + " (CI must install them: see .ci/run)");
            }
            System.err.println("SKIPPED: " + message);
            Assumptions.abort(message);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /**
     * Saves a screenshot at the given width as {@code target/screenshots/NAME.png}, scrolled to
     * {@code subject} if there is one.
     */
    static void screenshot(ChromeDriver driver, String name, int width, int height, WebElement subject) throws IOException {
        Object widthBefore = driver.executeScript("return window.innerWidth");
        emulate(driver, width, height);
        if (subject != null) {
            driver.executeScript("arguments[0].scrollIntoView({block: 'start'}); window.scrollBy(0, -60);", subject);
        }
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        // The page lays itself out again at the window's size; a click before that lands where a button was.
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(5))
                .until(d -> widthBefore.equals(driver.executeScript(
                        "return new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(window.innerWidth))))")));
    }

    /**
     * Lays the page out at exactly this size (a headless window cannot be narrower than 500 px,
     * so phone widths need the DevTools protocol's device emulation).
     */
    static void emulate(ChromeDriver driver, int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
    }

    /** A laptop-wide and a phone-wide screenshot. */
    static void screenshots(ChromeDriver driver, String name) throws IOException {
        screenshots(driver, name, null);
    }

    static void screenshots(ChromeDriver driver, String name, WebElement subject) throws IOException {
        screenshot(driver, name + "-laptop", 1280, 900, subject);
        screenshot(driver, name + "-phone", 390, 844, subject);
    }
}
