package org.tunelab.web;

import java.util.Optional;
import org.tunelab.course.Course;
import org.tunelab.course.Exercise;
import org.tunelab.course.Problem;
import org.tunelab.store.ExerciseProgress;

/**
 * The HTML of an exercise embedded in a lesson: its task, an editor with the student's code (or
 * the starter), the hints already revealed, and the Check / Hint / Reset buttons. The solution and
 * the checks' code never appear in it.
 */
final class ExerciseHtml {
    private ExerciseHtml() {
    }

    static String render(Course course, String slug, Optional<String> savedCode, Optional<ExerciseProgress> progress) {
        Optional<Exercise> found = course.exercise(slug);
        if (found.isEmpty()) {
            String why = course.exerciseProblem(slug).map(Problem::toString)
                    .orElse("there is no folder exercises/" + slug + "/");
            return "<div class=\"exercise broken\" role=\"note\"><strong>Exercise '" + esc(slug)
                    + "' cannot be shown.</strong> <code>" + esc(why) + "</code></div>";
        }
        Exercise e = found.get();
        int shown = Math.min(progress.map(ExerciseProgress::hintsShown).orElse(0), e.hints().size());
        boolean done = progress.map(ExerciseProgress::passed).orElse(false);
        String id = "exercise-" + esc(e.slug());
        StringBuilder sb = new StringBuilder();
        sb.append("<section class=\"exercise").append(done ? " done" : "").append("\" data-exercise=\"")
                .append(esc(e.slug())).append("\" data-hints=\"").append(e.hints().size())
                .append("\" data-hints-shown=\"").append(shown).append("\" aria-labelledby=\"").append(id).append("\">");
        sb.append("<h3 id=\"").append(id).append("\"><span class=\"kind\">Exercise</span> ").append(esc(e.title()))
                .append(" <span class=\"done-badge\">&#10003; Done</span></h3>");
        sb.append("<div class=\"task\">").append(MarkdownHtml.block(e.task())).append("</div>");
        sb.append("<div class=\"cell exercise-cell\" data-mode=\"exercise\">");
        sb.append("<div class=\"cell-bar\">");
        sb.append("<button type=\"button\" class=\"check\" title=\"Run the checks (Shift+Enter)\">&#10003; Check</button>");
        sb.append("<button type=\"button\" class=\"hint\"").append(shown >= e.hints().size() ? " disabled" : "")
                .append(">Hint</button>");
        sb.append("<span class=\"cell-status\" aria-live=\"polite\"></span>");
        sb.append("<button type=\"button\" class=\"reset-exercise\" title=\"Start again from the starter code\">Reset</button>");
        sb.append("</div>");
        sb.append("<textarea class=\"cell-code\" spellcheck=\"false\" aria-label=\"Your code for ").append(esc(e.title()))
                .append("\">").append(esc(savedCode.orElse(e.starter()))).append("</textarea>");
        sb.append("</div>");
        sb.append("<ol class=\"hints\" aria-label=\"Hints\">");
        for (int i = 0; i < shown; i++) {
            sb.append("<li>").append(MarkdownHtml.inline(e.hints().get(i))).append("</li>");
        }
        sb.append("</ol>");
        sb.append("<div class=\"check-results\" aria-live=\"polite\"></div>");
        sb.append("</section>");
        return sb.toString();
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
