package org.tunelab.grading;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.tunelab.course.Cell;
import org.tunelab.course.Course;
import org.tunelab.course.Exercise;
import org.tunelab.course.Lesson;
import org.tunelab.course.Problem;
import org.tunelab.kernel.Diagnostic;
import org.tunelab.kernel.Kernel;
import org.tunelab.kernel.KernelPool;
import org.tunelab.kernel.RunResult;
import org.tunelab.kernel.RunStatus;

/**
 * Proves a course works: every file loads, every reference leads somewhere, every lesson's cells
 * run top to bottom in a fresh kernel (cells marked {@code expect-error} must fail), every
 * reference solution passes its checks, no starter already passes them all, and every exercise
 * has hints. A lesson's checked claims ({@code ```claim} fences) are evaluated in its kernel where they stand,
 * after the cells above them. Each problem names its file and line.
 */
public final class Validator {
    private final KernelPool kernels;
    private final Grader grader;

    /**
     * @param kernels where lesson kernels come from (one fresh kernel per lesson)
     * @param grader  grades the solutions and starters
     */
    public Validator(KernelPool kernels, Grader grader) {
        this.kernels = kernels;
        this.grader = grader;
    }

    /**
     * @param progress told one line per lesson or exercise as it is validated
     * @return every problem found; empty when the course is sound
     */
    public List<Problem> validate(Course course, Consumer<String> progress) {
        List<Problem> problems = new ArrayList<>(course.problems());
        Set<String> lessons = course.lessons().stream().map(Lesson::slug).collect(Collectors.toSet());
        Set<String> exercises = course.exercises().stream().map(Exercise::slug).collect(Collectors.toSet());
        for (Lesson lesson : course.lessons()) {
            for (Lesson.Embed embed : lesson.embeds()) {
                if (!exercises.contains(embed.exercise()) && course.exerciseProblem(embed.exercise()).isEmpty()) {
                    problems.add(new Problem(lesson.file(), embed.line(),
                            "no exercise '" + embed.exercise() + "' (expected a folder exercises/" + embed.exercise() + "/)"));
                }
            }
            progress.accept("lesson " + lesson.slug() + " (" + lesson.cells().size() + " cells)");
            problems.addAll(runCells(lesson));
        }
        for (Exercise exercise : course.exercises()) {
            progress.accept("exercise " + exercise.slug());
            problems.addAll(checkExercise(exercise, lessons));
        }
        return problems;
    }

    private List<Problem> runCells(Lesson lesson) {
        List<Problem> problems = new ArrayList<>();
        ClaimChecker claims = new ClaimChecker(lesson);
        try (Kernel kernel = kernels.take()) {
            int ran = 0;
            problems.addAll(claims.check(kernel, ran));
            for (Cell cell : lesson.cells()) {
                ran++;
                if (!cell.mode().runnable()) {
                    problems.addAll(claims.check(kernel, ran));
                    continue;
                }
                RunResult r = kernel.run(cell.code());
                boolean failed = r.status() != RunStatus.OK;
                if (cell.mode() == Cell.Mode.EXPECT_ERROR) {
                    if (!failed) {
                        problems.add(new Problem(lesson.file(), cell.line(), cell.id()
                                + " is marked expect-error but ran without an error"));
                    }
                    problems.addAll(claims.check(kernel, ran));
                    continue;
                }
                if (failed) {
                    int line = cell.line() + (r.diagnostics().isEmpty() ? 1 : r.diagnostics().get(0).line());
                    problems.add(new Problem(lesson.file(), line, cell.id() + " fails when the lesson runs top to bottom: "
                            + summary(r) + " (mark the fence 'java expect-error' if that is intended)"));
                }
                if (r.status() == RunStatus.DIED || r.status() == RunStatus.TIMEOUT) {
                    problems.addAll(claims.unchecked(cell.id()));
                    break;
                }
                problems.addAll(claims.check(kernel, ran));
            }
        }
        return problems;
    }

    private List<Problem> checkExercise(Exercise exercise, Set<String> lessons) {
        List<Problem> problems = new ArrayList<>();
        Path md = exercise.dir().resolve("exercise.md");
        if (!lessons.contains(exercise.lesson())) {
            problems.add(new Problem(md, 0, "lesson '" + exercise.lesson() + "' does not exist"));
        }
        if (exercise.hints().isEmpty()) {
            problems.add(new Problem(md, 0, "no hints: add a 'hints:' list to the front matter"));
        }
        Grade solution = grader.check(exercise, exercise.solution());
        Path solutionFile = exercise.dir().resolve("Solution.jsh");
        if (!solution.diagnostics().isEmpty()) {
            Diagnostic d = solution.diagnostics().get(0);
            problems.add(new Problem(solutionFile, d.line(), "does not compile: " + d.message()));
        } else if (solution.message() != null) {
            problems.add(new Problem(solutionFile, 0, solution.message()));
        } else {
            for (int i = 0; i < solution.checks().size(); i++) {
                CheckResult c = solution.checks().get(i);
                if (!c.passed()) {
                    problems.add(new Problem(exercise.dir().resolve("Check.jsh"), exercise.checks().get(i).line(),
                            "the reference solution fails check '" + c.name() + "': " + c.message()));
                }
            }
        }
        Grade starter = grader.check(exercise, exercise.starter());
        if (starter.passed()) {
            problems.add(new Problem(exercise.dir().resolve("Starter.jsh"), 0,
                    "the starter code already passes every check: the checks do not test the task"));
        }
        return problems;
    }

    static String summary(RunResult r) {
        if (!r.diagnostics().isEmpty()) {
            Diagnostic d = r.diagnostics().get(0);
            return "compile error at cell line " + d.line() + ": " + d.message();
        }
        if (r.exception() != null) {
            return r.exception().type() + (r.exception().message() == null ? "" : ": " + r.exception().message());
        }
        return r.message() == null ? r.status().name().toLowerCase() : r.message();
    }
}
