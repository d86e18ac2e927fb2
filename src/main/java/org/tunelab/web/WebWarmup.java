package org.tunelab.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tunelab.course.Course;
import org.tunelab.course.Lesson;
import org.tunelab.kernel.RunResult;
import org.tunelab.kernel.RunStatus;

/**
 * The pages and JSON of the course rendered a few times at start-up, off the students' clock. The first lesson
 * pages a server renders set up Thymeleaf (its engine, its HTML escapes, its parsed templates) and run its code
 * interpreted; in a class that opens a lesson in the same second that was 50 cold renders competing for the CPU
 * with the students' first runs. Rendered here for a student who cannot exist ({@link #NOBODY}, not a valid id):
 * the store is read as for a new student and nothing is written, no kernel is expected.
 */
final class WebWarmup {
    private static final Logger LOG = LoggerFactory.getLogger(WebWarmup.class);
    /**
     * Each page rendered this often: measured with {@code load} (50 students, 2 cores), a class's 50 lesson pages took
     * 0.6-0.7 s at the median after three rounds and 1.6-2.1 s without any.
     */
    static final int ROUNDS = 3;
    /** Not a student id ({@link Students} issues 22 characters of base64url): nothing is stored under it. */
    static final String NOBODY = "warm-up";

    private WebWarmup() {
    }

    /**
     * Renders the index and every lesson page {@code rounds} times, and writes and reads a run's JSON as often.
     *
     * @return the pages rendered; a page that fails is skipped, and logged as a warning in the first round (a student
     *     who opens it will see the error too)
     */
    static int render(Pages pages, Views views, Course course, int rounds) {
        int rendered = 0;
        byte[] body = "{\"code\": \"1 + 1\", \"kernel\": \"k\"}".getBytes(StandardCharsets.UTF_8);
        RunResult result = new RunResult(RunStatus.OK, "", "", "2", List.of(), null, 1, false, false, null,
                List.of(), null, 8, 128, List.of());
        for (int round = 0; round < rounds; round++) {
            boolean first = round == 0;
            rendered += page(views, "index", "the course index", first, () -> pages.indexModel(course, NOBODY));
            for (Lesson lesson : course.lessons()) {
                rendered += page(views, "lesson", "lesson " + lesson.slug(), first,
                        () -> pages.lessonModel(course, lesson, NOBODY, Map.of()));
                JsonBody.parse(body, JsonBody.Code.class);
                JsonBody.line(KernelApi.RunResponse.of(result, "k"));
            }
        }
        return rendered;
    }

    private static int page(Views views, String template, String what, boolean warn,
                            Supplier<Map<String, Object>> model) {
        try {
            views.render(template, model.get(), null);
            return 1;
        } catch (RuntimeException e) {
            if (warn) {
                LOG.warn("Warm-up: {} does not render: {}", what, e.toString());
            }
            LOG.debug("Warm-up: {} does not render", what, e);
            return 0;
        }
    }
}
