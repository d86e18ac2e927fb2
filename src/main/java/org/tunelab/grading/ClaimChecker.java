package org.tunelab.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tunelab.course.Claim;
import org.tunelab.course.Lesson;
import org.tunelab.course.Problem;
import org.tunelab.kernel.Kernel;
import org.tunelab.kernel.RunResult;
import org.tunelab.kernel.RunStatus;

/**
 * Evaluates a lesson's checked claims in the kernel its cells ran in. A claim holds when each of its
 * {@code &&}-joined parts is {@code true}; a part that is false is reported with what its two sides measured, so
 * that the author sees at once whether the model changed or the claim was wrong.
 */
final class ClaimChecker {
    private final Lesson lesson;
    private int next;

    ClaimChecker(Lesson lesson) {
        this.lesson = lesson;
    }

    /** Checks the claims that stand after the first {@code cellsRun} cells and have not been checked yet. */
    List<Problem> check(Kernel kernel, int cellsRun) {
        List<Problem> problems = new ArrayList<>();
        List<Claim> claims = lesson.claims();
        while (next < claims.size() && claims.get(next).cellsBefore() <= cellsRun) {
            check(kernel, claims.get(next++)).ifPresent(problems::add);
        }
        return problems;
    }

    /** The claims not checked yet, each reported as such, when the lesson's kernel stopped at {@code cellId}. */
    List<Problem> unchecked(String cellId) {
        List<Problem> problems = new ArrayList<>();
        for (; next < lesson.claims().size(); next++) {
            Claim c = lesson.claims().get(next);
            problems.add(new Problem(lesson.file(), c.line(), "claim not checked: the lesson's kernel stopped at "
                    + cellId + " (`" + c.expression() + "`)"));
        }
        return problems;
    }

    private Optional<Problem> check(Kernel kernel, Claim claim) {
        for (String part : claim.conjuncts()) {
            RunResult r = kernel.run("(" + part + ")");
            if (r.status() != RunStatus.OK) {
                return Optional.of(problem(claim, "claim could not be evaluated: `" + part + "`: " + Validator.summary(r)));
            }
            if ("true".equals(r.value())) {
                continue;
            }
            if (!"false".equals(r.value())) {
                return Optional.of(problem(claim, "a claim is a boolean expression, but `" + part + "` is " + r.value()));
            }
            return Optional.of(problem(claim, "claim does not hold: `" + part + "`" + measured(kernel, part)
                    + (claim.statement().equals(claim.expression()) ? "" : " (\"" + claim.statement() + "\")")));
        }
        return Optional.empty();
    }

    /** What the sides of a failing comparison measured, literals left out: {@code ; measured tuned.mean() = 0.7}. */
    private static String measured(Kernel kernel, String part) {
        Optional<Claim.Comparison> comparison = Claim.comparison(part);
        if (comparison.isEmpty()) {
            return "";
        }
        List<String> sides = new ArrayList<>();
        for (String side : List.of(comparison.get().left(), comparison.get().right())) {
            String value = value(kernel, side);
            if (value != null && !value.equals(side)) {
                sides.add(side + " = " + value);
            }
        }
        return sides.isEmpty() ? "" : "; measured " + String.join(", ", sides);
    }

    private static String value(Kernel kernel, String expression) {
        RunResult r = kernel.run("(" + expression + ")");
        return r.status() == RunStatus.OK ? r.value() : null;
    }

    private Problem problem(Claim claim, String reason) {
        return new Problem(lesson.file(), claim.line(), reason);
    }
}
