package org.tunelab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tunelab.Config;
import org.tunelab.web.Server;

/**
 * A student's path through the course in a real Chromium: the repository's own lessons, served by
 * the real server, with real kernels and a real SQLite file.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserTest {
    @TempDir
    static Path dir;
    static Config config;
    static Server server;
    static ChromeDriver browser;
    static WebDriverWait wait;

    @BeforeAll
    static void start() throws IOException {
        Path course = dir.resolve("course");
        Browser.copyCourse(course);
        Files.writeString(course.resolve("lessons/99-broken.md"), "---\ntitle: Broken on purpose\n---\n");
        config = Config.forTest(course, dir.resolve("data")).withRunTimeout(Duration.ofSeconds(30));
        browser = Browser.start(dir.resolve("profile"));
        server = Server.start(config);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        // an element redrawn between finding and reading it (CodeMirror's hint list, as the student types) is found
        // again on the next poll
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
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

    private static String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    private static List<WebElement> cells() {
        return browser.findElements(By.cssSelector("section.cell"));
    }

    private static WebElement cell(int index) {
        return cells().get(index);
    }

    /** Waits until the cell has finished a run, and returns its output text. */
    private static String outputOf(WebElement cell) {
        wait.until(d -> !cell.getAttribute("class").contains("running") && !cell.getAttribute("class").contains("queued")
                && !cell.findElement(By.cssSelector(".cell-label")).getText().equals("[*]"));
        return cell.findElement(By.cssSelector(".cell-output")).getText();
    }

    /** Clicks like a person: the element scrolled to the middle of the window first. */
    private static void click(WebElement element) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private static void setCode(WebElement cellOrExercise, String code) {
        browser.executeScript("arguments[0].querySelector('.CodeMirror').CodeMirror.setValue(arguments[1])",
                cellOrExercise, code);
    }

    @Test
    @Order(1)
    void indexLeadsToALessonWhoseCellsAreEditors() throws IOException {
        browser.get(url("/"));
        assertTrue(browser.getTitle().contains("TuneLab"));
        Browser.screenshots(browser, "index");
        browser.findElement(By.linkText("Welcome, and how the notebook works")).click();
        wait.until(d -> !d.findElements(By.cssSelector("section.cell .CodeMirror")).isEmpty());
        assertEquals(cells().size(), browser.findElements(By.cssSelector("section.cell .CodeMirror")).size());
    }

    @Test
    @Order(2)
    void runByButtonThenByShiftEnterCarriesState() {
        browser.get(url("/lessons/welcome"));
        WebElement first = cell(0);
        click(first.findElement(By.cssSelector("button.run")));
        assertTrue(outputOf(first).contains("Hello from the kernel"), outputOf(first));

        WebElement second = cell(1);
        click(second.findElement(By.cssSelector(".CodeMirror")));
        browser.switchTo().activeElement().sendKeys(Keys.chord(Keys.SHIFT, Keys.ENTER));
        assertTrue(outputOf(second).contains("HELLO FROM THE KERNEL"), "state carried: " + outputOf(second));
    }

    @Test
    @Order(3)
    void compileErrorIsMarkedAtItsLine() {
        browser.get(url("/lessons/welcome"));
        WebElement typo = cells().stream().filter(c -> c.getText().contains("totl")).findFirst().orElseThrow();
        // the cell needs wordCount from the cell before it
        click(cell(2).findElement(By.cssSelector("button.run")));
        outputOf(cell(2));
        click(typo.findElement(By.cssSelector("button.run")));
        String out = outputOf(typo);
        assertTrue(out.contains("Line 2"), out);
        assertEquals(1, typo.findElements(By.cssSelector(".CodeMirror .error-line")).size(), "line 2 marked");
    }

    @Test
    @Order(4)
    void runAllThenRestartForgetsState() throws IOException {
        browser.get(url("/lessons/welcome"));
        click(browser.findElement(By.cssSelector(".notebook-bar .run-all")));
        WebElement last = cells().get(cells().size() - 1);
        wait.until(d -> last.findElement(By.cssSelector(".cell-label")).getText().matches("\\[\\d+]"));
        for (WebElement c : cells()) {
            assertTrue(c.findElement(By.cssSelector(".cell-label")).getText().matches("\\[\\d+]"), "every cell ran");
        }
        Browser.screenshots(browser, "lesson-with-outputs",
                cells().stream().filter(c -> c.getText().contains("totl")).findFirst().orElseThrow());

        click(browser.findElement(By.cssSelector(".notebook-bar .restart")));
        wait.until(d -> d.findElement(By.cssSelector(".kernel-status")).getText().contains("restarted"));
        click(cell(1).findElement(By.cssSelector("button.run")));
        String out = outputOf(cell(1));
        assertTrue(out.contains("cannot find symbol"), "greeting forgotten after restart: " + out);
    }

    @Test
    @Order(5)
    void exerciseFailsThenPassesAndTheIndexShowsIt() throws IOException {
        browser.get(url("/lessons/welcome"));
        WebElement exercise = browser.findElement(By.cssSelector("section.exercise[data-exercise='count-words']"));
        click(exercise.findElement(By.cssSelector("button.check")));
        WebElement results = exercise.findElement(By.cssSelector(".check-results"));
        wait.until(d -> results.getText().contains("checks passed"));
        assertTrue(results.getText().contains("1 of 4 checks passed"), "the starter's 0 is right for blank text: "
                + results.getText());
        Browser.screenshots(browser, "exercise-failed", exercise.findElement(By.cssSelector(".cell-bar")));

        WebElement hint = exercise.findElement(By.cssSelector("button.hint"));
        for (int i = 1; i <= 3; i++) {
            click(hint);
            int expected = i;
            new WebDriverWait(browser, Duration.ofSeconds(20)).withMessage(() -> "hint " + expected
                    + " did not appear; exercise status: " + exercise.findElement(By.cssSelector(".cell-status")).getText())
                    .until(d -> exercise.findElements(By.cssSelector(".hints li")).size() == expected);
        }
        assertFalse(hint.isEnabled(), "no more hints after the last");

        setCode(exercise, "int wordCount(String text) {\n    return text.isBlank() ? 0 : text.strip().split(\"\\\\s+\").length;\n}");
        click(exercise.findElement(By.cssSelector("button.check")));
        wait.until(d -> results.getText().contains("All 4 checks passed"));
        assertTrue(exercise.getAttribute("class").contains("done"));
        Browser.screenshots(browser, "exercise-passed", exercise.findElement(By.cssSelector(".cell-bar")));

        browser.get(url("/"));
        assertTrue(browser.findElement(By.cssSelector("ol.lessons")).getText().contains("1/1 exercises"));
    }

    @Test
    @Order(6)
    void editsSurviveAReloadAndAServerRestart() {
        browser.get(url("/lessons/prompts-are-text"));
        setCode(cell(0), "String role = \"You are a pirate.\";");
        wait.until(d -> cell(0).getAttribute("class").contains("edited"));
        wait.until(d -> "true".equals(cell(0).getAttribute("data-saved")));
        browser.navigate().refresh();
        assertTrue(cell(0).getText().contains("pirate"), "edit kept after a reload");
        server.close();
        server = Server.start(config);
        browser.get(url("/lessons/prompts-are-text"));
        assertTrue(cell(0).getText().contains("You are a pirate."), "edit kept after a server restart");
        click(cell(0).findElement(By.cssSelector("button.reset")));
        wait.until(d -> cell(0).getText().contains("You are a support assistant."));
    }

    @Test
    @Order(7)
    void brokenLessonShowsItsErrorPage() {
        browser.get(url("/"));
        assertTrue(browser.findElement(By.cssSelector("ol.lessons")).getText().contains("cannot load"));
        browser.get(url("/lessons/broken"));
        String text = browser.findElement(By.tagName("main")).getText();
        assertTrue(text.contains("lessons/99-broken.md") && text.contains("'summary' missing"), text);
    }

    @Test
    @Order(8)
    void pagesFitAPhoneWithoutSidewaysScrolling() {
        Browser.emulate(browser, 390, 844);
        try {
            for (String path : List.of("/", "/lessons/welcome", "/lessons/prompts-are-text")) {
                browser.get(url(path));
                wait.until(d -> !d.findElements(By.cssSelector(".site-footer")).isEmpty());
                Object widths = browser.executeScript(
                        "return [document.documentElement.clientWidth, document.documentElement.scrollWidth];");
                List<?> w = (List<?>) widths;
                assertEquals(((Number) w.get(0)).longValue(), ((Number) w.get(1)).longValue(),
                        path + " is wider than a 390 px phone");
            }
        } finally {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
        }
    }

    @Test
    @Order(9)
    void longCellStreamsItsOutputAndStopStopsIt() {
        browser.get(url("/lessons/prompts-are-text"));
        WebElement cell = cell(1);
        setCode(cell, "for (int i = 0; i < 40; i++) { System.out.println(\"tick \" + i); Thread.sleep(100); }");
        click(cell.findElement(By.cssSelector("button.run")));
        wait.until(d -> cell.findElement(By.cssSelector(".cell-output")).getText().contains("tick 3"));
        assertTrue(cell.getAttribute("class").contains("running"), "output shown while the cell still runs");
        assertTrue(outputOf(cell).contains("tick 39"));

        setCode(cell, "while (true) { Thread.sleep(20); }");
        click(cell.findElement(By.cssSelector("button.run")));
        wait.until(d -> cell.getAttribute("class").contains("running"));
        WebElement stop = browser.findElement(By.cssSelector(".notebook-bar .stop"));
        wait.until(d -> stop.isEnabled());
        click(stop);
        String out = outputOf(cell);
        assertTrue(cell.findElement(By.cssSelector(".cell-status")).getText().startsWith("Stopped"), out);
        click(cell.findElement(By.cssSelector("button.reset")));
    }

    @Test
    @Order(10)
    void editingAMiddleCellMarksTheCellsBelowStaleAndRunStaleRerunsThem() {
        browser.get(url("/lessons/welcome"));
        for (int i = 0; i < 3; i++) {
            click(cell(i).findElement(By.cssSelector("button.run")));
            outputOf(cell(i));
        }
        setCode(cell(0), "String greeting = \"Edited greeting\";\nSystem.out.println(greeting);");
        wait.until(d -> cell(1).getAttribute("class").contains("stale"));
        assertTrue(cell(2).getAttribute("class").contains("stale"));
        assertFalse(cell(3).getAttribute("class").contains("stale"), "a cell that never ran is not stale");
        WebElement runStale = browser.findElement(By.cssSelector(".notebook-bar .run-stale"));
        assertEquals("Run stale (2)", runStale.getText());

        click(cell(0).findElement(By.cssSelector("button.run")));
        outputOf(cell(0));
        click(runStale);
        wait.until(d -> !cell(2).getAttribute("class").contains("stale") && !cell(1).getAttribute("class").contains("stale"));
        assertTrue(outputOf(cell(1)).contains("EDITED GREETING"), "re-run with the new state: " + outputOf(cell(1)));
        click(cell(0).findElement(By.cssSelector("button.reset")));
    }

    @Test
    @Order(11)
    void helpOverlayOpensWithQuestionMark() {
        browser.get(url("/lessons/welcome"));
        browser.findElement(By.tagName("body")).sendKeys("?");
        wait.until(d -> d.findElement(By.cssSelector("dialog.help")).isDisplayed());
        assertTrue(browser.findElement(By.cssSelector("dialog.help")).getText().contains("Shift"));
    }

    @Test
    @Order(12)
    void fineTuningShowsLiveProgressAndALossChartThenTheAnswer() throws IOException {
        browser.get(url("/lessons/prompts-are-text"));
        WebElement cell = cell(1);
        setCode(cell, """
                Dataset.Split d = Datasets.supportTickets(100, 1).split(0.2, 1);
                TunedModel tuned = FineTune.of(Models.tiny()).data(d.train()).validation(d.validation()).epochs(2).run();
                tuned.complete(Prompt.empty().input(d.validation().get(0).input()))""");
        click(cell.findElement(By.cssSelector("button.run")));
        wait.until(d -> !cell.findElements(By.cssSelector(".cell-output .display.progress progress")).isEmpty());
        assertTrue(cell.getAttribute("class").contains("running"), "progress is shown while the job trains");
        outputOf(cell);
        assertEquals("ok", cell.getAttribute("data-status"), outputOf(cell));
        assertEquals(1, cell.findElements(By.cssSelector(".cell-output figure.chart canvas")).size(), "one loss chart");
        assertEquals(1, cell.findElements(By.cssSelector(".cell-output .display.progress")).size(), "one progress bar");
        String answer = cell.findElement(By.cssSelector(".cell-output .display.completion")).getText();
        assertTrue(answer.contains("prompt +") && answer.contains("completion tokens"), answer);
        Browser.screenshots(browser, "fine-tune", cell);

        setCode(cell, """
                Job job = FineTune.of(Models.tiny()).data(d.train()).epochs(1).start();
                TunedModel tuned = job.await();
                job.lossChart()""");
        click(cell.findElement(By.cssSelector("button.run")));
        wait.until(d -> !cell.findElements(By.cssSelector(".cell-output .display.progress progress")).isEmpty());
        outputOf(cell);
        assertEquals("ok", cell.getAttribute("data-status"), outputOf(cell));
        assertEquals(1, cell.findElements(By.cssSelector(".cell-output figure.chart canvas")).size(),
                "the chart await() drew live and the same chart as the cell's value are one chart");
    }

    @Test
    @Order(13)
    void tokensAndTablesAreDrawnAsTextNeverAsMarkup() throws IOException {
        browser.get(url("/lessons/prompts-are-text"));
        WebElement cell = cell(1);
        setCode(cell, """
                Display.show(Table.of("<img src=x id=injected onerror=alert(1)>", "n").row("<script>alert(2)</script>", 1));
                Tokens.show("Hello, world!", Tokens.cl100k())""");
        click(cell.findElement(By.cssSelector("button.run")));
        outputOf(cell);
        assertEquals(4, cell.findElements(By.cssSelector(".cell-output .display.tokens .token")).size(),
                "cl100k_base: Hello | , | world | !");
        WebElement table = cell.findElement(By.cssSelector(".cell-output table.data"));
        assertTrue(table.getText().contains("<img src=x id=injected"), table.getText());
        assertTrue(browser.findElements(By.id("injected")).isEmpty(), "no element made from a cell's text");
        assertTrue(browser.findElements(By.cssSelector(".cell-output script")).isEmpty());
        Browser.screenshots(browser, "tokens", cell);
        click(cell.findElement(By.cssSelector("button.reset")));
    }

    @Test
    @Order(18)
    void rangesOverSeedsAreDrawnAsWhiskersAndClaimsAsAQuietBadge() throws IOException {
        browser.get(url("/lessons/fine-tune-and-watch"));
        WebElement claims = browser.findElement(By.cssSelector("article details.claims"));
        assertTrue(claims.getText().contains("checked claim"), claims.getText());
        assertEquals(null, claims.getAttribute("open"), "closed until a student opens it");

        browser.get(url("/lessons/prompts-are-text"));
        WebElement cell = cell(1);
        setCode(cell, """
                Spreads.of("accuracy").add("prompt", Spread.of(0.0, 0.05, 0.1))
                        .add("fine-tuned", Spread.of(0.875, 0.975, 0.7)).chart()""");
        click(cell.findElement(By.cssSelector("button.run")));
        outputOf(cell);
        WebElement canvas = cell.findElement(By.cssSelector(".cell-output figure.chart canvas"));
        Object drawn = browser.executeScript("const c = Chart.getChart(arguments[0]);"
                + "return c.config.plugins.map((p) => p.id).join() + ' ' + JSON.stringify(c.data.datasets[0].high)"
                + " + ' ' + (c.scales.y.max >= 0.975);", canvas);
        assertEquals("tunelabRanges [0.1,0.975] true", drawn, "whiskers up to each highest value, inside the axis");
        Browser.screenshots(browser, "spread-chart", cell);
        click(cell.findElement(By.cssSelector("button.reset")));
    }

    @Test
    void retrievalSearchesByWordsAndByMeaningFromACell() throws IOException {
        browser.get(url("/lessons/retrieval"));
        WebElement first = cell(0);
        click(first.findElement(By.cssSelector("button.run")));
        assertTrue(outputOf(first).contains("44 passages"), "the store's knowledge base as a table");
        WebElement cell = cell(1);
        setCode(cell, """
                Search semantic = Search.semantic(kb);   // embeddings from the server's model
                Recall.of(KnowledgeBase.storeQuestions("policy"), Search.bm25(kb), semantic).chart()""");
        click(cell.findElement(By.cssSelector("button.run")));
        outputOf(cell);
        WebElement canvas = cell.findElement(By.cssSelector(".cell-output figure.chart canvas"));
        Object recallAt3 = browser.executeScript("const d = Chart.getChart(arguments[0]).data.datasets;"
                + "return d.map((s) => s.label + ' ' + s.data[1]).join(', ');", canvas);
        assertEquals("bm25 0.5, semantic 1", recallAt3, "policies asked in other words: meaning finds them all in the top 3");
        Browser.screenshots(browser, "retrieval-recall", cell);
        click(cell.findElement(By.cssSelector("button.reset")));
    }

    @Test
    @Order(14)
    void theVariablesPanelShowsTheKernelsVariables() {
        browser.get(url("/lessons/welcome"));
        click(cell(0).findElement(By.cssSelector("button.run")));
        outputOf(cell(0));
        click(browser.findElement(By.cssSelector("details.variables summary")));
        wait.until(d -> d.findElement(By.cssSelector("details.variables table.vars")).isDisplayed());
        String shown = browser.findElement(By.cssSelector("details.variables table.vars")).getText();
        assertTrue(shown.contains("greeting") && shown.contains("String"), shown);
    }

    private static WebElement playgroundCell(int index) {
        return browser.findElements(By.cssSelector(".notebook-cells section.cell")).get(index);
    }

    private static void typeInto(WebElement cell, String text) {
        WebElement editor = cell.findElement(By.cssSelector(".CodeMirror"));
        click(editor);
        editor.findElement(By.cssSelector("textarea")).sendKeys(text);
    }

    @Test
    @Order(15)
    void aPlaygroundNotebookIsBuiltRunSavedAndFoundIntactAfterAReload() throws IOException {
        browser.get(url("/playground"));
        assertTrue(browser.findElement(By.cssSelector("main")).getText().contains("No notebooks yet"), "empty state");
        click(browser.findElement(By.cssSelector("button.new-notebook")));
        wait.until(d -> d.getCurrentUrl().contains("/playground/"));
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-loaded")));
        String address = browser.getCurrentUrl();
        WebElement title = browser.findElement(By.cssSelector("input.notebook-title"));
        title.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Two cells of mine");
        typeInto(playgroundCell(0), "int doubled = 21 * 2;");
        click(playgroundCell(0).findElement(By.cssSelector(".add-below .add-markdown")));
        typeInto(playgroundCell(1), "## Doubling\n\nThe cell above doubles *21*.");
        click(playgroundCell(1).findElement(By.cssSelector(".add-below .add-java")));
        typeInto(playgroundCell(2), "doubled");
        click(browser.findElement(By.cssSelector(".notebook-bar .run-all")));
        wait.until(d -> playgroundCell(2).findElement(By.cssSelector(".cell-output")).getText().contains("42"));
        assertEquals("ok", playgroundCell(0).getAttribute("data-status"));
        // the text cell shows rendered Markdown once it loses focus
        wait.until(d -> !playgroundCell(1).findElements(By.cssSelector(".md-view h2")).isEmpty());
        assertEquals("Doubling", playgroundCell(1).findElement(By.cssSelector(".md-view h2")).getText());
        // the move and delete buttons: move the text cell to the top, delete nothing
        click(playgroundCell(1).findElement(By.cssSelector("button.move-up")));
        assertEquals("markdown", playgroundCell(0).getAttribute("data-kind"));
        wait.until(d -> d.findElement(By.cssSelector(".save-state")).getText().equals("Saved"));
        Browser.screenshots(browser, "playground", browser.findElement(By.cssSelector("main")));

        browser.navigate().refresh();
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-loaded")));
        assertEquals(address, browser.getCurrentUrl());
        assertEquals("Two cells of mine", browser.findElement(By.cssSelector("input.notebook-title")).getAttribute("value"));
        assertEquals(3, browser.findElements(By.cssSelector(".notebook-cells section.cell")).size());
        assertEquals("markdown", playgroundCell(0).getAttribute("data-kind"));
        wait.until(d -> !playgroundCell(0).findElements(By.cssSelector(".md-view h2")).isEmpty());
        assertEquals("int doubled = 21 * 2;", browser.executeScript(
                "return arguments[0].querySelector('.CodeMirror').CodeMirror.getValue()", playgroundCell(1)));
        click(playgroundCell(1).findElement(By.cssSelector("button.run")));
        click(playgroundCell(2).findElement(By.cssSelector("button.run")));
        wait.until(d -> playgroundCell(2).findElement(By.cssSelector(".cell-output")).getText().contains("42"));

        browser.get(url("/playground"));
        assertTrue(browser.findElement(By.cssSelector("ul.notebooks")).getText().contains("Two cells of mine"));
        Browser.screenshots(browser, "playground-list");
    }

    @Test
    @Order(16)
    void aLessonOpensInThePlaygroundAsANotebookOfItsCells() {
        browser.get(url("/lessons/welcome"));
        int lessonCells = browser.findElements(By.cssSelector("article.body section.cell, article.body div.cell-display")).size();
        click(browser.findElement(By.cssSelector(".crumbs .open-playground")));
        wait.until(d -> d.getCurrentUrl().contains("/playground/"));
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-loaded")));
        assertTrue(browser.getCurrentUrl().contains("/playground/"), browser.getCurrentUrl());
        assertEquals("Welcome, and how the notebook works",
                browser.findElement(By.cssSelector("input.notebook-title")).getAttribute("value"));
        List<WebElement> java = browser.findElements(By.cssSelector(".notebook-cells section.cell[data-kind=java]"));
        assertEquals(lessonCells, java.size());
        click(java.get(0).findElement(By.cssSelector("button.run")));
        wait.until(d -> "ok".equals(java.get(0).getAttribute("data-status")));
    }

    @Test
    @Order(17)
    void typingADotOffersTheKernelsCompletionsAndShiftTabShowsJavadoc() {
        browser.get(url("/lessons/welcome"));
        setCode(cell(0), "var reviews = List.of(\"great\", \"awful\");");
        click(cell(0).findElement(By.cssSelector("button.run")));
        outputOf(cell(0));

        WebElement editor = cell(1).findElement(By.cssSelector(".CodeMirror"));
        setCode(cell(1), "");
        click(editor);
        browser.switchTo().activeElement().sendKeys("reviews.");
        By hints = By.cssSelector("ul.CodeMirror-hints");
        wait.until(d -> !d.findElements(hints).isEmpty() && d.findElement(hints).getText().contains("size()"));
        browser.switchTo().activeElement().sendKeys("si");
        wait.until(d -> d.findElement(hints).getText().equals("size()")); // filtered as the student types
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        wait.until(d -> d.findElements(hints).isEmpty());
        assertEquals("reviews.size()", browser.executeScript(
                "return arguments[0].CodeMirror.getValue()", editor));

        setCode(cell(1), "Models.ti");
        browser.executeScript("arguments[0].CodeMirror.focus(); arguments[0].CodeMirror.setCursor(0, 9)", editor);
        browser.switchTo().activeElement().sendKeys(Keys.chord(Keys.CONTROL, Keys.SPACE));
        wait.until(d -> !d.findElements(hints).isEmpty() && d.findElement(hints).getText().contains("tiny()"));
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        assertEquals("Models.tiny()", browser.executeScript("return arguments[0].CodeMirror.getValue()", editor));

        browser.switchTo().activeElement().sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
        By popup = By.cssSelector(".doc-popup");
        wait.until(d -> !d.findElements(popup).isEmpty());
        String docs = browser.findElement(popup).getText();
        assertTrue(docs.contains("Model Models.tiny()") && docs.contains("Tiny, the small transformer"), docs);
        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        assertTrue(browser.findElements(popup).isEmpty(), "Esc closes the popup");
    }
}
