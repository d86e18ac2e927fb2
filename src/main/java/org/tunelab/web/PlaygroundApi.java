package org.tunelab.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.tunelab.course.Cell;
import org.tunelab.course.Course;
import org.tunelab.course.CourseException;
import org.tunelab.course.Lesson;
import org.tunelab.course.LessonDraft;
import org.tunelab.kernel.Kernels;
import org.tunelab.store.Notebook;
import org.tunelab.store.Store;

/**
 * The playground's JSON API: a student's own notebooks (list, create, open, save, delete), a lesson copied into a
 * new notebook, import and export in the {@code lessons/} file format, and each notebook's kernel.
 */
final class PlaygroundApi {
    /** Notebooks one student may keep. */
    static final int MAX_NOTEBOOKS = 100;
    /** Cells one notebook may hold. */
    static final int MAX_CELLS = 400;

    private final Supplier<Course> course;
    private final Store store;
    private final Kernels kernels;
    private final KernelApi kernel;

    PlaygroundApi(Supplier<Course> course, Store store, Kernels kernels, KernelApi kernel) {
        this.course = course;
        this.store = store;
        this.kernels = kernels;
        this.kernel = kernel;
    }

    /** A notebook as the page sends and receives it. */
    record NotebookJson(String id, String title, String summary, List<Notebook.Cell> cells, String updated) {
        static NotebookJson of(Notebook n) {
            return new NotebookJson(n.id(), n.title(), n.summary(), n.cells(), n.updated().toString());
        }
    }

    /** The body of a save or a create: every field optional on create. */
    record NotebookBody(String title, String summary, List<CellBody> cells) {
    }

    /** A cell as sent: {@code mode} may be left out (it means {@code "run"}). */
    record CellBody(String kind, String mode, String source) {
    }

    /** The body of an import: a lesson file's text. */
    record ImportBody(String markdown) {
    }

    /** A notebook's line in the list. */
    record EntryJson(String id, String title, String summary, int cells, String updated) {
    }

    void list(Context ctx) {
        ctx.json(Map.of("notebooks", store.notebooks().list(Students.of(ctx)).stream()
                .map(e -> new EntryJson(e.id(), e.title(), e.summary(), e.cells(), e.updated().toString())).toList()));
    }

    /** A new notebook: from the body's title, summary and cells, or a blank one with one empty Java cell. */
    void create(Context ctx) {
        NotebookBody body = ctx.body().isBlank() ? new NotebookBody(null, null, null) : JsonBody.read(ctx, NotebookBody.class);
        List<Notebook.Cell> cells = body.cells() == null ? List.of(new Notebook.Cell("java", "run", "")) : checked(body.cells());
        created(ctx, title(body.title(), "Untitled notebook"), body.summary() == null ? "" : body.summary(), cells);
    }

    /** A new notebook holding a lesson's prose and cells, with the student's own edits of those cells. */
    void fromLesson(Context ctx) {
        String slug = ctx.pathParam("slug");
        Lesson lesson = course.get().lesson(slug).orElseThrow(() -> new NotFoundResponse("No lesson '" + slug + "'."));
        LessonDraft draft = LessonDraft.of(lesson);
        created(ctx, title(draft.title(), lesson.title()), draft.summary(),
                cells(draft, store.cells(Students.of(ctx), slug)));
    }

    /** A new notebook from a lesson file's text; 400 with the line and reason when it is not a valid lesson. */
    void importLesson(Context ctx) {
        ImportBody body = JsonBody.read(ctx, ImportBody.class);
        if (body.markdown() == null || body.markdown().isBlank()) {
            throw new BadRequestResponse("Send the lesson file's text as {\"markdown\": \"---\\ntitle: ...\"}.");
        }
        LessonDraft draft;
        try {
            draft = LessonDraft.parse(body.markdown());
        } catch (CourseException e) {
            throw new BadRequestResponse("This is not a lesson file: line " + e.problem().line() + ": "
                    + e.problem().reason());
        }
        List<Notebook.Cell> cells = cells(draft, Map.of());
        if (cells.size() > MAX_CELLS) {
            throw new BadRequestResponse("A notebook holds at most " + MAX_CELLS + " cells; this file has " + cells.size() + ".");
        }
        created(ctx, title(draft.title(), "Imported lesson"), draft.summary(), cells);
    }

    /** The body of a Markdown preview. */
    record MarkdownBody(String text) {
    }

    /**
     * A Markdown cell rendered as lessons render prose ({@code {"html": "..."}}); raw HTML in a student's text is
     * shown as text, never run.
     */
    void markdown(Context ctx) {
        MarkdownBody body = JsonBody.read(ctx, MarkdownBody.class);
        ctx.json(Map.of("html", MarkdownHtml.safeBlock(body.text() == null ? "" : body.text())));
    }

    void get(Context ctx) {
        ctx.json(NotebookJson.of(notebook(ctx)));
    }

    void save(Context ctx) {
        NotebookBody body = JsonBody.read(ctx, NotebookBody.class);
        if (body.cells() == null) {
            throw new BadRequestResponse("A save needs \"cells\": the whole list, in order.");
        }
        String id = ctx.pathParam("id");
        boolean saved = store.notebooks().save(Students.of(ctx), id, title(body.title(), "Untitled notebook"),
                body.summary() == null ? "" : body.summary(), checked(body.cells()));
        if (!saved) {
            throw missing(id);
        }
        ctx.json(Map.of("saved", id));
    }

    void delete(Context ctx) {
        String id = ctx.pathParam("id");
        if (!store.notebooks().delete(Students.of(ctx), id)) {
            throw missing(id);
        }
        kernels.restart(kernelKey(ctx)); // closes its kernel, if it had one
        ctx.json(Map.of("deleted", id));
    }

    /** The notebook as a lesson file, named for the next free lesson number: drop it into {@code lessons/}. */
    void export(Context ctx) {
        Notebook n = notebook(ctx);
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileName(n.title()) + "\"");
        ctx.contentType("text/markdown; charset=utf-8").result(draft(n).toMarkdown());
    }

    void run(Context ctx) throws java.io.IOException {
        notebook(ctx);
        kernel.run(ctx, kernelKey(ctx));
    }

    void restart(Context ctx) {
        notebook(ctx);
        kernel.restart(ctx, kernelKey(ctx));
    }

    void stop(Context ctx) {
        kernel.stop(ctx, kernelKey(ctx));
    }

    void variables(Context ctx) {
        kernel.variables(ctx, kernelKey(ctx));
    }

    /** The student's kernel for a notebook: its own, so notebooks never see each other's variables. */
    static String kernelKey(Context ctx) {
        return Students.of(ctx) + "/notebook/" + ctx.pathParam("id");
    }

    /** A file name in the {@code lessons/} pattern: the next lesson number and a slug of the title. */
    String fileName(String title) {
        int next = course.get().lessons().stream().mapToInt(Lesson::number).max().orElse(0) + 1;
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-+$", "");
        }
        return String.format("%02d-%s.md", next, slug.isEmpty() ? "notebook" : slug);
    }

    /** A notebook as a lesson draft, to write as a lesson file. */
    static LessonDraft draft(Notebook n) {
        return new LessonDraft(n.title(), n.summary(), n.cells().stream()
                .map(c -> "java".equals(c.kind()) ? LessonDraft.Part.java(c.source(), Cell.Mode.ofWord(c.mode()))
                        : LessonDraft.Part.markdown(c.source()))
                .toList());
    }

    /**
     * A draft's parts as notebook cells; {@code edits} (a lesson's saved edits, {@code cell-1}, {@code cell-2}, ...
     * in the lesson's order of Java cells) replace the code of the cells they name.
     */
    private static List<Notebook.Cell> cells(LessonDraft draft, Map<String, String> edits) {
        List<Notebook.Cell> cells = new ArrayList<>();
        int javaCells = 0;
        for (LessonDraft.Part part : draft.parts()) {
            if (part.kind() == LessonDraft.Kind.JAVA) {
                String code = edits.getOrDefault("cell-" + (++javaCells), part.text());
                cells.add(new Notebook.Cell("java", part.mode().word(), code));
            } else {
                cells.add(new Notebook.Cell("markdown", "run", part.text()));
            }
        }
        return cells;
    }

    private void created(Context ctx, String title, String summary, List<Notebook.Cell> cells) {
        String student = Students.of(ctx);
        if (store.notebooks().count(student) >= MAX_NOTEBOOKS) {
            throw new HttpResponseException(409, "You have " + MAX_NOTEBOOKS
                    + " notebooks, the most one student may keep; delete one first.", Map.of());
        }
        Notebook n = store.notebooks().create(student, title, summary, cells);
        ctx.status(201).json(NotebookJson.of(n));
    }

    private Notebook notebook(Context ctx) {
        String id = ctx.pathParam("id");
        return store.notebooks().get(Students.of(ctx), id).orElseThrow(() -> missing(id));
    }

    private static NotFoundResponse missing(String id) {
        return new NotFoundResponse("You have no notebook '" + id + "' (it may have been deleted).");
    }

    private static String title(String given, String otherwise) {
        return given == null || given.isBlank() ? otherwise : given.strip();
    }

    private static List<Notebook.Cell> checked(List<CellBody> cells) {
        if (cells.size() > MAX_CELLS) {
            throw new BadRequestResponse("A notebook holds at most " + MAX_CELLS + " cells; this one has " + cells.size() + ".");
        }
        for (int i = 0; i < cells.size(); i++) {
            CellBody c = cells.get(i);
            if (c == null || c.kind() == null || c.source() == null) {
                throw new BadRequestResponse("Cell " + (i + 1) + " needs \"kind\" and \"source\".");
            }
            if (!Notebook.Cell.KINDS.contains(c.kind())) {
                throw new BadRequestResponse("Cell " + (i + 1) + ": kind is 'java' or 'markdown', not '" + c.kind() + "'.");
            }
            if (c.mode() != null && !Notebook.Cell.MODES.contains(c.mode())) {
                throw new BadRequestResponse("Cell " + (i + 1) + ": mode is 'run', 'no-run' or 'expect-error', not '"
                        + c.mode() + "'.");
            }
        }
        return cells.stream().map(c -> new Notebook.Cell(c.kind(), c.mode() == null || c.kind().equals("markdown")
                ? "run" : c.mode(), c.source())).toList();
    }
}
