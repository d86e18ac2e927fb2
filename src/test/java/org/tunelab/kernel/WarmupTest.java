package org.tunelab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compiler warm-up on a course's cells compiles them as a kernel would and runs none of them. */
class WarmupTest {
    @TempDir
    Path dir;

    @Test
    void courseCellsAreCompiledInOrderAndNoneRuns() throws Exception {
        Path written = dir.resolve("written.txt");
        String path = written.toString().replace("\\", "\\\\");
        // Processes by pid: one left by an earlier test may end meanwhile (CI saw a count go from 1 to 0).
        Set<Long> before = pids();
        List<String> lesson = List.of(
                "record Point(int x, int y) {}\nList<Point> points = List.of(new Point(1, 2));",
                "Files.writeString(Path.of(\"" + path + "\"), \"ran\");",
                "int broken = \"not an int\";", // does not compile: the next cell still does
                "points.get(0).x() + broken",
                "System.exit(3);");
        List<String> other = List.of("Runtime.getRuntime().halt(4);", "while (true) { }");

        int compiled = Warmup.compile(KernelConfig.defaults(), List.of(lesson, other), 1).get(120, TimeUnit.SECONDS);

        assertEquals(lesson.size() + other.size(), compiled, "every cell went through the compiler");
        assertFalse(Files.exists(written), "no cell ran");
        Set<Long> started = pids();
        started.removeAll(before);
        assertEquals(Set.of(), started, "no JVM was started");
        // this JVM is still here (System.exit, halt), and the endless loop did not keep the warm-up
    }

    private static Set<Long> pids() {
        return ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toCollection(HashSet::new));
    }

    @Test
    void eachRoundCompilesEveryCellAgain() throws Exception {
        List<String> notebook = List.of("int base = 41;", "base + 1");
        assertEquals(2 * 3, Warmup.compile(KernelConfig.defaults(), List.of(notebook), 3).get(120, TimeUnit.SECONDS));
    }

    @Test
    void aCellTheCompilerGivesUpOnEndsOnlyItsNotebook() throws Exception {
        String tooDeep = "int deep = " + "(".repeat(20_000) + "1" + ")".repeat(20_000) + ";";
        int compiled = Warmup.compile(KernelConfig.defaults(), List.of(List.of(tooDeep, "int after = 1;"),
                List.of("int next = 2;")), 2).get(120, TimeUnit.SECONDS);
        assertEquals(2, compiled, "the notebook after the one that overflowed the compiler's stack still compiles, in"
                + " both rounds");
    }
}
