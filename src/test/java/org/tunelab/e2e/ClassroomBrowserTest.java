package org.tunelab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tunelab.Config;
import org.tunelab.web.Server;

/**
 * A class in two real Chromiums, on the repository's own course: an instructor signs in with the key and creates a
 * class; two students join it from the other browser, one passes an exercise and one fails it; the instructor's
 * dashboard shows that within seconds, without a reload; then the first student signs in again with her link and
 * finds her progress.
 */
class ClassroomBrowserTest {
    static final String KEY = "a-key-for-the-browser-test";

    @TempDir
    static Path dir;
    static Server server;
    static ChromeDriver teacher;
    static ChromeDriver pupil;

    @BeforeAll
    static void start() throws IOException {
        Path course = dir.resolve("course");
        Browser.copyCourse(course);
        teacher = Browser.start(dir.resolve("teacher"));
        pupil = Browser.start(dir.resolve("pupil"));
        server = Server.start(Config.forTest(course, dir.resolve("data")).withRunTimeout(Duration.ofSeconds(30))
                .withInstructorKey(KEY));
    }

    @AfterAll
    static void stop() {
        for (ChromeDriver d : new ChromeDriver[] {teacher, pupil}) {
            if (d != null) d.quit();
        }
        if (server != null) server.close();
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    private static WebDriverWait waitIn(ChromeDriver d, int seconds) {
        return new WebDriverWait(d, Duration.ofSeconds(seconds));
    }

    private static void click(ChromeDriver d, WebElement e) {
        d.executeScript("arguments[0].scrollIntoView({block: 'center'})", e);
        e.click();
    }

    private static void type(ChromeDriver d, String selector, String text) {
        WebElement input = d.findElement(By.cssSelector(selector));
        input.clear();
        input.sendKeys(text);
    }

    /** Joins the class in the pupil's browser as a new student; returns the sign-in link shown. */
    private static String join(String code, String name) {
        pupil.manage().deleteAllCookies();
        pupil.get(url("/join"));
        type(pupil, "input[name=code]", code);
        type(pupil, "input[name=name]", name);
        click(pupil, pupil.findElement(By.cssSelector("button.join")));
        WebElement link = waitIn(pupil, 10).until(d -> d.findElements(By.cssSelector(".join-result .signin-link")).stream()
                .filter(e -> !e.getText().isBlank()).findFirst().orElse(null));
        assertTrue(pupil.findElement(By.cssSelector(".join-result .recovery-code")).getText()
                .matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}"));
        return link.getText().strip();
    }

    private static void check(String code, boolean shouldPass) {
        pupil.get(url("/lessons/welcome"));
        WebElement exercise = pupil.findElement(By.cssSelector("section.exercise[data-exercise='count-words']"));
        waitIn(pupil, 20).until(d -> !exercise.findElements(By.cssSelector(".CodeMirror")).isEmpty());
        pupil.executeScript("arguments[0].querySelector('.CodeMirror').CodeMirror.setValue(arguments[1])", exercise, code);
        click(pupil, exercise.findElement(By.cssSelector("button.check")));
        waitIn(pupil, 60).until(d -> exercise.findElement(By.cssSelector(".check-results")).getText().contains("checks passed"));
        assertEquals(shouldPass, exercise.getAttribute("class").contains("done"), exercise.getText());
    }

    @Test
    void twoStudentsJoinOnePassesOneFailsAndTheDashboardShowsItLive() throws IOException {
        teacher.get(url("/instructor"));
        type(teacher, "input[name=key]", KEY);
        type(teacher, "input[name=name]", "Ada Lovelace");
        click(teacher, teacher.findElement(By.cssSelector("button.signin")));
        waitIn(teacher, 10).until(d -> !d.findElements(By.cssSelector("input[name=className]")).isEmpty()
                && d.findElement(By.cssSelector("input[name=className]")).isDisplayed());
        type(teacher, "input[name=className]", "Prompting and fine-tuning, Tuesday group");
        click(teacher, teacher.findElement(By.cssSelector("button.create-class")));
        WebElement classLink = waitIn(teacher, 10).until(d -> d.findElements(By.cssSelector("ul.classes li a")).stream()
                .findFirst().orElse(null));
        Browser.screenshot(teacher, "instructor-classes-laptop", 1280, 800, null);
        click(teacher, classLink);
        String code = waitIn(teacher, 10).until(d -> {
            String text = d.findElement(By.cssSelector(".join-code")).getText().strip();
            return text.matches("[A-Z2-9]{6}") ? text : null;
        });

        String annLink = join(code.toLowerCase(), "Ann Smith");
        pupil.get(url("/lessons/welcome"));
        WebElement firstCell = waitIn(pupil, 20).until(d -> d.findElements(By.cssSelector("section.cell button.run"))
                .stream().findFirst().orElse(null));
        click(pupil, firstCell);
        check("int wordCount(String text) {\n    return text.isBlank() ? 0 : text.strip().split(\"\\\\s+\").length;\n}", true);

        join(code, "Bob Jones");
        check("int wordCount(String text) {\n    return text.split(\" \").length;\n}", false);

        // the dashboard, never reloaded, shows both within a few seconds
        WebElement row = waitIn(teacher, 15).until(d -> d.findElements(By.cssSelector("table.exercise-table tr[data-exercise='count-words']"))
                .stream().filter(r -> r.findElement(By.cssSelector(".attempted")).getText().strip().equals("2")).findFirst().orElse(null));
        assertEquals("1", row.findElement(By.cssSelector(".passed")).getText().strip());
        assertEquals("2", teacher.findElement(By.cssSelector(".student-count")).getText().replaceAll("\\D", ""));
        waitIn(teacher, 10).until(d -> d.findElements(By.cssSelector("table.roster tbody tr")).size() == 2);
        assertTrue(teacher.findElement(By.cssSelector(".kernels-ready")).getText().strip().matches("\\d+")
                && teacher.findElement(By.cssSelector(".check-kernels-ready")).getText().strip().matches("\\d+"),
                "ready kernels for lessons and for checks: " + teacher.findElement(By.cssSelector("form.prepare")).getText());
        assertTrue(teacher.findElement(By.cssSelector("table.failing-checks")).getText().contains("Count the words"),
                teacher.findElement(By.cssSelector("table.failing-checks")).getText());
        Browser.screenshot(teacher, "instructor-dashboard-laptop", 1280, 900, null);
        assertTrue(teacher.findElement(By.cssSelector("a.gradebook-csv")).getAttribute("href").endsWith("gradebook.csv"));

        // Bob's latest attempt, read-only
        WebElement bob = teacher.findElements(By.cssSelector("table.roster tbody tr a.student-link")).stream()
                .filter(a -> a.getText().contains("Bob")).findFirst().orElseThrow();
        click(teacher, bob);
        WebElement bobRow = waitIn(teacher, 10).until(d -> d.findElements(By.cssSelector("tr[data-exercise='count-words']"))
                .stream().findFirst().orElse(null));
        assertEquals("not passed", bobRow.findElement(By.cssSelector(".passed-state")).getText().strip());
        assertTrue(teacher.findElements(By.cssSelector("pre.attempt-code")).stream()
                .anyMatch(p -> p.getText().contains("text.split(\" \")")), "Bob's code is shown");
        Browser.screenshot(teacher, "instructor-student-laptop", 1280, 900, null);

        // Ann, on "another device" (this browser, after Bob), signs in with her link and finds her pass
        pupil.manage().deleteAllCookies();
        pupil.get(annLink);
        assertTrue(pupil.findElement(By.cssSelector(".signin-name")).getText().contains("Ann Smith"));
        click(pupil, pupil.findElement(By.cssSelector("button.signin-confirm")));
        waitIn(pupil, 10).until(d -> d.getCurrentUrl().contains("signedIn"));
        String index = pupil.findElement(By.cssSelector("main")).getText();
        assertTrue(index.matches("(?s).*\\b1 of \\d+ exercises done.*"), "her exercise counts on the index: " + index);
        pupil.get(url("/account"));
        waitIn(pupil, 10).until(d -> d.findElement(By.cssSelector(".account-name")).getText().contains("Ann Smith"));
    }
}
