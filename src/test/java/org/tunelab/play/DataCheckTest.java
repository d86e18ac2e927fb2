package org.tunelab.play;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tunelab.play.DataCheck.Issue;
import org.tunelab.play.DataCheck.Kind;

/** The validator against fixture files under src/test/resources/datasets, one per error kind. */
class DataCheckTest {

    static Path fixture(String name) {
        try {
            return Path.of(DataCheckTest.class.getResource("/datasets/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new AssertionError("no fixture " + name, e);
        }
    }

    @ParameterizedTest(name = "{0}: {1} on line {2}")
    @CsvSource({
        "not_json.jsonl,            NOT_JSON,         2, 2",
        "not_object.jsonl,          NOT_OBJECT,       3, 2",
        "missing_messages.jsonl,    MISSING_MESSAGES, 2, 2",
        "missing_role.jsonl,        MISSING_ROLE,     2, 2",
        "missing_content.jsonl,     MISSING_CONTENT,  3, 2",
        "unknown_key_message.jsonl, UNKNOWN_KEY,      2, 2",
        "unknown_key_top.jsonl,     UNKNOWN_KEY,      4, 3",
        "unknown_role.jsonl,        UNKNOWN_ROLE,     2, 2",
        "empty_content.jsonl,       EMPTY_CONTENT,    2, 2",
        "no_assistant.jsonl,        NO_ASSISTANT,     3, 2",
        "mixed_format.jsonl,        MIXED_FORMAT,     3, 2",
    })
    void eachErrorKindIsReportedOnItsLine(String file, Kind kind, int line, int validLines) {
        DataCheck report = Dataset.check(fixture(file));
        assertFalse(report.ok(), report.toString());
        List<Issue> onLine = report.errors().stream().filter(i -> i.line() == line).toList();
        assertTrue(onLine.stream().anyMatch(i -> i.kind() == kind), "expected " + kind + " on line " + line + ":\n" + report);
        assertTrue(report.errors().stream().allMatch(i -> i.line() == line), "errors only on line " + line + ":\n" + report);
        assertEquals(validLines, report.valid().size());
    }

    @Test
    void aTypoInTheMessagesKeyIsBothUnknownAndMissing() {
        DataCheck report = Dataset.check(fixture("missing_messages.jsonl"));
        assertEquals(List.of(Kind.UNKNOWN_KEY, Kind.MISSING_MESSAGES), report.errors().stream().map(Issue::kind).toList());
        assertTrue(report.errors().get(0).message().contains("\"message\""), report.toString());
    }

    @Test
    void anExampleOverTinysContextIsTooLong() {
        Model tiny = Models.tiny();
        assertEquals(256, tiny.contextWindow());
        DataCheck report = Dataset.check(fixture("too_long.jsonl"), tiny);
        assertEquals(1, report.errors().size(), report.toString());
        Issue issue = report.errors().get(0);
        assertEquals(Kind.TOO_LONG, issue.kind());
        assertEquals(2, issue.line());
        assertTrue(issue.message().contains("limit is 256"), issue.message());
        assertTrue(Dataset.check(fixture("too_long.jsonl")).ok(), "without an encoding there is no limit");
        assertTrue(Dataset.check(fixture("too_long.jsonl"), Tokens.cl100k(), 4096).ok());
        assertEquals(Kind.TOO_LONG, Dataset.check(fixture("too_long.jsonl"), Tokens.cl100k(), 100).errors().get(0).kind());
    }

    @Test
    void anEmptyFileHasNoExamples() {
        DataCheck report = Dataset.check(fixture("empty.jsonl"));
        assertEquals(1, report.errors().size());
        assertEquals(Kind.NO_EXAMPLES, report.errors().get(0).kind());
        assertEquals(0, report.errors().get(0).line());
    }

    @Test
    void promptCompletionLinesAreCheckedToo() {
        DataCheck report = Dataset.check(fixture("prompt_completion.jsonl"));
        assertEquals(List.of("2 MISSING_CONTENT", "3 MISSING_CONTENT", "4 UNKNOWN_KEY"),
                report.errors().stream().map(i -> i.line() + " " + i.kind().name()).toList(), report.toString());
        assertTrue(report.errors().get(0).message().contains("completion"));
        assertEquals(1, report.valid().size());
        assertEquals("billing", report.valid().get(0).label());
    }

    @Test
    void warnings() {
        DataCheck report = Dataset.check(fixture("warnings.jsonl"));
        assertTrue(report.ok(), report.toString());
        assertEquals(9, report.valid().size());
        List<Issue> duplicates = report.issues(Kind.DUPLICATE);
        assertEquals(1, duplicates.size());
        assertEquals(5, duplicates.get(0).line());
        assertTrue(duplicates.get(0).message().contains("lines 2 and 5"), duplicates.get(0).message());
        assertEquals(List.of(4), report.issues(Kind.SHORT).stream().map(Issue::line).toList());
        assertEquals(List.of(6), report.issues(Kind.IGNORED_KEY).stream().map(Issue::line).toList());
        List<Issue> imbalance = report.issues(Kind.IMBALANCE);
        assertEquals(1, imbalance.size());
        assertEquals(0, imbalance.get(0).line());
        assertTrue(imbalance.get(0).message().contains("billing=7, shipping=2"), imbalance.get(0).message());
        assertEquals(4, report.warnings().size());
        assertEquals(imbalance.get(0), report.issues().get(report.issues().size() - 1), "whole-file issues come last");
    }

    @Test
    void blankLinesAreSkippedButCountedAndCrlfIsRead() {
        DataCheck report = Dataset.check(fixture("valid_with_blank_line.jsonl"));
        assertTrue(report.issues().isEmpty(), report.toString());
        assertEquals(3, report.valid().size());
        assertEquals("shipping", report.valid().get(1).label());
        DataCheck broken = Dataset.check(report.valid().toJsonl().replace("\n", "\n\n") + "oops\n");
        assertEquals(7, broken.errors().get(0).line());
    }

    @Test
    void loadingAFileWithErrorsThrowsAndListsThem() {
        Path file = fixture("not_json.jsonl");
        DatasetException e = assertThrows(DatasetException.class, () -> Dataset.load(file));
        assertTrue(e.getMessage().contains(file + ":2: not_json: not JSON"), e.getMessage());
        assertTrue(e.getMessage().contains("Dataset.check"), e.getMessage());
        assertEquals(2, e.check().valid().size());
        assertEquals(3, Dataset.load(fixture("valid_with_blank_line.jsonl")).size());
        assertEquals(9, Dataset.load(fixture("warnings.jsonl")).size(), "warnings do not stop a load");
    }

    @Test
    void aFileNamePassedAsTextGetsAHint() {
        DataCheck report = Dataset.check("tickets.jsonl");
        assertEquals(Kind.NOT_JSON, report.errors().get(0).kind());
        assertTrue(report.errors().get(0).message().contains("Path.of(\"tickets.jsonl\")"), report.toString());
    }

    @Test
    void aDatasetBuiltInCodeIsCheckedAsItWouldBeSaved() {
        Dataset data = Dataset.of(Example.of("My card was charged twice.", "billing"), Example.of("Where is my parcel now?", ""),
                Example.of("My card was charged twice.", "billing"));
        DataCheck report = data.check();
        assertEquals(List.of("2 EMPTY_CONTENT", "3 DUPLICATE"),
                report.issues().stream().map(i -> i.line() + " " + i.kind().name()).toList(), report.toString());
        assertEquals(2, report.valid().size());
    }

    @Test
    void theReportIsATableSpecAndReadableText() throws Exception {
        DataCheck report = Dataset.check(fixture("warnings.jsonl"));
        JsonNode spec = new ObjectMapper().readTree(report.toDisplay());
        assertEquals("table", spec.get("kind").asText());
        assertEquals("[\"line\",\"severity\",\"kind\",\"message\"]", spec.get("columns").toString());
        assertEquals(4, spec.get("rows").size());
        assertEquals(4, spec.get("rows").get(0).get(0).asInt());
        assertEquals("warning", spec.get("rows").get(0).get(1).asText());
        assertEquals("short", spec.get("rows").get(0).get(2).asText());
        assertTrue(spec.get("title").asText().contains("9 examples, 9 valid, 0 errors, 4 warnings"), spec.toString());
        String text = report.toString();
        assertTrue(text.contains("line  severity  kind"), text);
        assertTrue(text.contains("   5  warning   duplicate    same example as line 2"), text);
        assertTrue(Datasets.sentiment(5, 1).named("s").check().toString().startsWith("s: 5 examples"));
    }
}
