package org.tunelab.course;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one {@code exercises/<slug>/} folder into an {@link Exercise}, or a {@link Problem}. */
public final class ExerciseParser {
    /** Folder names: lowercase words joined by dashes. */
    public static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    /** {@code // check: name} or {@code // hidden check: name}. */
    private static final Pattern CHECK = Pattern.compile("\\s*//\\s*(hidden\\s+)?check:\\s*(.*)");

    private ExerciseParser() {
    }

    /**
     * @param dir   the exercise folder
     * @param shown how to name the folder in problems (relative to the course directory)
     */
    public static Exercise parse(Path dir, Path shown) throws CourseException {
        String slug = dir.getFileName().toString();
        if (!SLUG.matcher(slug).matches()) {
            throw new CourseException(new Problem(shown, 0,
                    "exercise folder names are lowercase words joined by dashes, like 'few-shot-budget'"));
        }
        Path mdFile = shown.resolve("exercise.md");
        FrontMatter fm = FrontMatter.parse(mdFile, read(dir, shown, "exercise.md", true));
        String title = fm.text(mdFile, "title");
        String lesson = fm.text(mdFile, "lesson");
        String starter = read(dir, shown, "Starter.jsh", true);
        String solution = read(dir, shown, "Solution.jsh", true);
        String setup = read(dir, shown, "Setup.jsh", false);
        List<Exercise.Check> checks = checks(shown.resolve("Check.jsh"), read(dir, shown, "Check.jsh", true));
        return new Exercise(slug, title, lesson, fm.list("hints"), fm.body(), starter, solution, setup, checks, shown);
    }

    /** Splits {@code Check.jsh} at its {@code // check: name} lines. */
    static List<Exercise.Check> checks(Path file, String text) throws CourseException {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        List<Exercise.Check> checks = new ArrayList<>();
        String name = null;
        boolean hidden = false;
        int start = 0;
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            Matcher m = CHECK.matcher(lines[i]);
            if (m.matches()) {
                if (name != null) {
                    checks.add(check(file, name, hidden, code, start));
                }
                name = m.group(2).strip();
                hidden = m.group(1) != null;
                start = i + 1;
                code.setLength(0);
                if (name.isEmpty()) {
                    throw new CourseException(new Problem(file, i + 1, "a check needs a name after 'check:'"));
                }
            } else if (name == null) {
                String t = lines[i].strip();
                if (!t.isEmpty() && !t.startsWith("//")) {
                    throw new CourseException(new Problem(file, i + 1,
                            "code before the first '// check: name' line; every check starts with such a line"));
                }
            } else {
                code.append(lines[i]).append('\n');
            }
        }
        if (name != null) {
            checks.add(check(file, name, hidden, code, start));
        }
        if (checks.isEmpty()) {
            throw new CourseException(new Problem(file, 1, "no checks: start each one with a line '// check: what it checks'"));
        }
        return checks;
    }

    private static Exercise.Check check(Path file, String name, boolean hidden, StringBuilder code, int line)
            throws CourseException {
        String body = code.toString().strip();
        if (body.isEmpty()) {
            throw new CourseException(new Problem(file, line, "check '" + name + "' has no code"));
        }
        return new Exercise.Check(name, hidden, body, line);
    }

    private static String read(Path dir, Path shown, String name, boolean required) throws CourseException {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            if (required) {
                throw new CourseException(new Problem(shown.resolve(name), 0, "missing: every exercise needs " + name));
            }
            return "";
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CourseException(new Problem(shown.resolve(name), 0, "cannot read: " + e.getMessage()));
        }
    }
}
