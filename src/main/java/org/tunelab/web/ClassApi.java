package org.tunelab.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.tunelab.course.Course;
import org.tunelab.course.Exercise;
import org.tunelab.grading.Grader;
import org.tunelab.kernel.Kernels;
import org.tunelab.store.ClassActivity;
import org.tunelab.store.ClassActivity.ClassView;
import org.tunelab.store.ClassActivity.ExerciseActivity;
import org.tunelab.store.ClassActivity.StudentView;
import org.tunelab.store.Classes;
import org.tunelab.store.Classes.Classroom;
import org.tunelab.store.ExerciseProgress;
import org.tunelab.store.Store;

/**
 * An instructor's classes as JSON: create and list them, the live dashboard, one student's view, the gradebook
 * (CSV and JSON). Every route needs an instructor's session and answers 404 for a class that is not theirs, so a
 * class's existence is not revealed to anyone else. Shapes are documented in docs/API.md.
 */
final class ClassApi {
    private final Supplier<Course> course;
    private final Classes classes;
    private final ClassActivity activity;
    private final Instructors instructors;
    private final Kernels kernels;
    private final Grader grader;

    ClassApi(Supplier<Course> course, Store store, Instructors instructors, Kernels kernels, Grader grader) {
        this.course = course;
        this.classes = store.classes();
        this.activity = store.activity();
        this.instructors = instructors;
        this.kernels = kernels;
        this.grader = grader;
    }

    record Prepare(Integer students) {
    }

    /**
     * {@code POST /api/instructor/classes/{id}/prepare {"students": 30}}: kernels started ahead of a class (the
     * class's size when no number is given), one per student for their lesson's cells and one for their first
     * exercise check, so that neither waits for a JVM to start.
     */
    void prepare(Context ctx) {
        Classroom classroom = classroom(ctx);
        Integer wanted = ctx.body().isBlank() ? null : JsonBody.read(ctx, Prepare.class).students();
        int n = wanted == null ? classroom.students() : wanted;
        if (n < 1 || n > Kernels.MOST_PREPARED) {
            throw new BadRequestResponse("Prepare kernels for 1 to " + Kernels.MOST_PREPARED + " students, not " + n + ".");
        }
        ctx.json(Map.of("asked", kernels.prepare(n), "ready", kernels.ready(),
                "checksAsked", grader.prepare(n), "checksReady", grader.ready()));
    }

    /** {@code GET /api/instructor/classes}. */
    void list(Context ctx) {
        Classes.Instructor me = instructors.require(ctx);
        ctx.json(Map.of("instructor", me.name(),
                "classes", classes.classesOf(me.id()).stream().map(c -> classJson(ctx, c)).toList()));
    }

    record NewClass(String name) {
    }

    /** {@code POST /api/instructor/classes {"name"}}. */
    void create(Context ctx) {
        Classes.Instructor me = instructors.require(ctx);
        try {
            ctx.status(201).json(classJson(ctx, classes.createClass(me.id(), JsonBody.read(ctx, NewClass.class).name())));
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage());
        }
    }

    /** {@code GET /api/instructor/classes/{id}/dashboard}: the class now. */
    void dashboard(Context ctx) {
        Classroom classroom = classroom(ctx);
        long start = System.nanoTime();
        ClassView view = activity.view(classroom.id());
        long queryMs = (System.nanoTime() - start) / 1_000_000;
        Course c = course.get();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("class", classJson(ctx, classroom));
        out.put("generatedAt", view.at().toString());
        out.put("queryMs", queryMs);
        out.put("students", view.students());
        out.put("stuckAfterMinutes", ClassActivity.STUCK_AFTER.toMinutes());
        out.put("kernelsReady", kernels.ready());
        out.put("checkKernelsReady", grader.ready());
        out.put("kernelsStarting", kernels.starting());
        out.put("checkKernelsStarting", grader.starting());
        out.put("lessons", c.lessons().stream().map(l -> Map.of("slug", l.slug(), "title", l.title(),
                "number", l.number(), "opened", view.opened().getOrDefault(l.slug(), 0),
                "ran", view.ran().getOrDefault(l.slug(), 0))).toList());
        out.put("exercises", inCourseOrder(c).stream().map(e -> {
            ClassActivity.ExerciseCounts n = view.exercises().getOrDefault(e.slug(), new ClassActivity.ExerciseCounts(0, 0, 0));
            return Map.of("slug", e.slug(), "title", e.title(), "lesson", e.lesson(), "attempted", n.attempted(),
                    "passed", n.passed(), "attempts", n.attempts());
        }).toList());
        out.put("failingChecks", view.failingChecks().stream().map(f -> Map.of("exercise", f.exercise(),
                "exerciseTitle", exerciseTitle(c, f.exercise()), "check", f.check(), "message", f.message(),
                "students", f.students(), "failures", f.failures())).toList());
        out.put("compileErrors", view.compileErrors().stream().map(e -> Map.of("message", e.message(),
                "lesson", e.lesson(), "students", e.students(), "count", e.count())).toList());
        out.put("stuck", view.stuck().stream().map(s -> Map.of("member", s.member(), "name", s.name(),
                "exercise", s.exercise(), "exerciseTitle", exerciseTitle(c, s.exercise()),
                "failedAttempts", s.failedAttempts(), "since", s.since().toString())).toList());
        out.put("roster", view.roster().stream().map(ClassApi::rosterJson).toList());
        ctx.json(out);
    }

    /** {@code GET /api/instructor/classes/{id}/students/{member}}: one student's progress and latest attempts. */
    void student(Context ctx) {
        Classroom classroom = classroom(ctx);
        String member = ctx.pathParam("member");
        StudentView view = activity.student(classroom.id(), member)
                .orElseThrow(() -> new NotFoundResponse("No student '" + member + "' in this class."));
        Course c = course.get();
        Map<String, Object> out = new LinkedHashMap<>(rosterJson(view.row()));
        out.put("class", Map.of("id", classroom.id(), "name", classroom.name()));
        out.put("lessons", c.lessons().stream().map(l -> {
            ClassActivity.LessonActivity a = view.lessons().getOrDefault(l.slug(), new ClassActivity.LessonActivity(false, 0, 0));
            return Map.of("slug", l.slug(), "title", l.title(), "number", l.number(), "opened", a.opened(),
                    "runs", a.runs(), "errors", a.errors());
        }).toList());
        List<Map<String, Object>> exercises = new ArrayList<>();
        for (Exercise e : inCourseOrder(c)) {
            ExerciseActivity a = view.exercises().get(e.slug());
            ExerciseProgress p = a == null ? null : a.progress();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("slug", e.slug());
            row.put("title", e.title());
            row.put("lesson", e.lesson());
            row.put("passed", p != null && p.passed());
            row.put("attempts", p == null ? 0 : p.attempts());
            row.put("firstPassedAt", p == null || p.firstPassedAt() == null ? null : p.firstPassedAt().toString());
            row.put("code", a == null ? null : a.code());
            row.put("lastCheck", a == null || a.lastCheck() == null ? null : Map.of("at", a.lastCheck().at().toString(),
                    "passed", a.lastCheck().passed(), "failed", a.lastCheck().failed().stream()
                            .map(f -> Map.of("check", f.check(), "message", f.message())).toList()));
            exercises.add(row);
        }
        out.put("exercises", exercises);
        ctx.json(out);
    }

    /** One gradebook row: a student's standing on one exercise of the course. */
    record GradeRow(String student, String member, String exercise, boolean passed, int attempts, String firstPassedAt) {
    }

    /** {@code GET /api/instructor/classes/{id}/gradebook.csv}: one row per student and exercise, as an LMS imports it. */
    void gradebookCsv(Context ctx) {
        Classroom classroom = classroom(ctx);
        StringBuilder csv = new StringBuilder("student,member,exercise,passed,attempts,first_passed_at\r\n");
        for (GradeRow r : gradebook(classroom)) {
            csv.append(csvField(r.student())).append(',').append(r.member()).append(',').append(r.exercise()).append(',')
                    .append(r.passed()).append(',').append(r.attempts()).append(',')
                    .append(r.firstPassedAt() == null ? "" : r.firstPassedAt()).append("\r\n");
        }
        ctx.header("Content-Disposition", "attachment; filename=\"gradebook-" + classroom.joinCode() + ".csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(csv.toString());
    }

    /** {@code GET /api/instructor/classes/{id}/gradebook.json}: the same rows as JSON. */
    void gradebookJson(Context ctx) {
        Classroom classroom = classroom(ctx);
        ctx.json(Map.of("class", Map.of("id", classroom.id(), "name", classroom.name()), "rows", gradebook(classroom)));
    }

    private List<GradeRow> gradebook(Classroom classroom) {
        Map<String, Map<String, ExerciseProgress>> grades = activity.grades(classroom.id());
        List<GradeRow> rows = new ArrayList<>();
        List<Exercise> exercises = inCourseOrder(course.get());
        for (ClassActivity.Member student : activity.members(classroom.id())) { // not the whole dashboard
            Map<String, ExerciseProgress> mine = grades.getOrDefault(student.member(), Map.of());
            for (Exercise e : exercises) {
                ExerciseProgress p = mine.get(e.slug());
                rows.add(new GradeRow(student.name(), student.member(), e.slug(), p != null && p.passed(),
                        p == null ? 0 : p.attempts(), p == null || p.firstPassedAt() == null ? null : p.firstPassedAt().toString()));
            }
        }
        return rows;
    }

    /** The path's class, if it is the signed-in instructor's; 401 without a session, 404 for anyone else's. */
    Classroom classroom(Context ctx) {
        Classes.Instructor me = instructors.require(ctx);
        String id = ctx.pathParam("id");
        return classes.classOf(me.id(), id).orElseThrow(() -> new NotFoundResponse("You have no class '" + id + "'."));
    }

    static Map<String, Object> classJson(Context ctx, Classroom c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", c.id());
        out.put("name", c.name());
        out.put("code", c.joinCode());
        out.put("joinUrl", SignInGuard.origin(ctx) + "/join?code=" + c.joinCode());
        out.put("students", c.students());
        out.put("createdAt", c.createdAt().toString());
        return out;
    }

    private static Map<String, Object> rosterJson(ClassActivity.RosterRow r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("member", r.member());
        out.put("name", r.name());
        out.put("joinedAt", r.joinedAt().toString());
        out.put("lastActive", r.lastActive() == null ? null : r.lastActive().toString());
        out.put("lessonsOpened", r.lessonsOpened());
        out.put("lessonsRan", r.lessonsRan());
        out.put("exercisesPassed", r.exercisesPassed());
        out.put("attempts", r.attempts());
        return out;
    }

    /** Exercises as a student meets them: lesson by lesson, where each lesson embeds them; any others last. */
    static List<Exercise> inCourseOrder(Course c) {
        java.util.LinkedHashSet<Exercise> ordered = new java.util.LinkedHashSet<>();
        c.lessons().forEach(l -> l.embeds().forEach(e -> c.exercise(e.exercise()).ifPresent(ordered::add)));
        c.lessons().forEach(l -> ordered.addAll(c.exercisesOf(l.slug())));
        ordered.addAll(c.exercises());
        return List.copyOf(ordered);
    }

    private static String exerciseTitle(Course c, String slug) {
        return c.exercise(slug).map(Exercise::title).orElse(slug);
    }

    /** A CSV field, quoted when it holds a comma, quote or line break; a leading =, +, - or @ is defused for spreadsheets. */
    static String csvField(String value) {
        String v = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r");
        return quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
