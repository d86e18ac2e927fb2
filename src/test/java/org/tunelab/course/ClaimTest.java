package org.tunelab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClaimTest {
    @Test
    void oneClaimALineWithItsStatementAndFileLine() {
        List<Claim> claims = Claim.parse("""
                tuned.min() > baseline.max()   // the fine-tune wins on every seed

                // a comment line is skipped
                "a // b".length() == 6
                """, 40, 3);
        assertEquals(2, claims.size());
        assertEquals(new Claim("tuned.min() > baseline.max()", "the fine-tune wins on every seed", 40, 3), claims.get(0));
        assertEquals("\"a // b\".length() == 6", claims.get(1).expression(), "// inside a string is not a comment");
        assertEquals(claims.get(1).expression(), claims.get(1).statement(), "no comment: the expression is the statement");
        assertEquals(43, claims.get(1).line());
    }

    @Test
    void conjunctsAndComparisonsAtTopLevelOnly() {
        Claim c = new Claim("a.mean() >= 0.5 && list.stream().allMatch(v -> v < 1 && v > 0) && f(x) != 3", "s", 1, 0);
        assertEquals(List.of("a.mean() >= 0.5", "list.stream().allMatch(v -> v < 1 && v > 0)", "f(x) != 3"), c.conjuncts());
        assertEquals(Optional.of(new Claim.Comparison("a.mean()", ">=", "0.5")), Claim.comparison("a.mean() >= 0.5"));
        assertEquals(Optional.of(new Claim.Comparison("f(x)", "!=", "3")), Claim.comparison("f(x) != 3"));
        assertEquals(Optional.of(new Claim.Comparison("1 << 2", "<", "x >> 1")), Claim.comparison("1 << 2 < x >> 1"));
        assertEquals(Optional.empty(), Claim.comparison("list.stream().allMatch(v -> v < 1)"));
        assertEquals(Optional.empty(), Claim.comparison("s.equals(\"a < b\")"));
    }

    @Test
    void aBrokenClaimNamesItsLine() {
        Claim.SyntaxException e = assertThrows(Claim.SyntaxException.class, () -> Claim.parse("ok()\nf(1 > 0\n", 10, 0));
        assertEquals(11, e.line());
        assertTrue(e.getMessage().contains("does not close"), e.getMessage());
    }

    @Test
    void lessonsCollectClaimsWithTheCellsBeforeThem() throws Exception {
        Lesson lesson = LessonParser.parse(Path.of("lessons/08-x.md"), """
                ---
                title: T
                summary: S
                ---
                ```java
                int a = 2;
                ```

                ```claim
                a == 2   // a is two
                ```

                ```java
                int b = a;
                ```
                """);
        assertEquals(List.of(new Claim("a == 2", "a is two", 10, 1)), lesson.claims());
        Problem empty = assertThrows(CourseException.class, () -> LessonParser.parse(Path.of("lessons/08-x.md"),
                "---\ntitle: T\nsummary: S\n---\n```claim\n// nothing\n```\n")).problem();
        assertEquals(5, empty.line());
        assertTrue(empty.reason().contains("no claim"), empty.reason());
    }
}
