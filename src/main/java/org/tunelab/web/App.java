package org.tunelab.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tunelab.course.Course;
import org.tunelab.grading.Grader;
import org.tunelab.kernel.Kernels;
import org.tunelab.store.Store;

/**
 * The web app: one routes table, short handlers that call the course, the kernels and the store.
 * A student's compile or runtime error is data in a result, never a 500; an unexpected failure is
 * logged here and answered without a stack trace.
 */
public final class App {
    private static final Logger LOG = LoggerFactory.getLogger(App.class);
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private final Javalin javalin;
    private final Pages pages;
    private final Views views = new Views();

    /**
     * @param mode one line telling how student code runs, shown in every page's footer
     */
    public App(Supplier<Course> course, Kernels kernels, Grader grader, Store store, String mode, String instructorKey,
               ModelFiles models) {
        Students students = new Students();
        SignInGuard guard = new SignInGuard();
        Instructors instructors = new Instructors(store, instructorKey, guard);
        AccountApi accounts = new AccountApi(store, models, guard);
        ClassApi classApi = new ClassApi(course, store, instructors, kernels, grader);
        ClassPages classPages = new ClassPages(store, instructors, classApi, guard, mode);
        this.pages = new Pages(course, store, kernels, grader, mode);
        KernelApi kernelApi = new KernelApi(kernels);
        NotebookApi notebook = new NotebookApi(course, kernelApi, store);
        PlaygroundApi playground = new PlaygroundApi(course, store, kernels, kernelApi);
        ExerciseApi exercises = new ExerciseApi(course, grader, store);
        ProgressApi progress = new ProgressApi(course, store);
        OpenAiApi openAi = new OpenAiApi();
        CompletionApi completion = new CompletionApi(kernels);
        this.javalin = Javalin.create(cfg -> {
            cfg.fileRenderer(views);
            cfg.http.maxRequestSize = 1024 * 1024;
            cfg.startup.showJavalinBanner = false;
            cfg.staticFiles.enableWebjars();
            cfg.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
            });

            cfg.routes.before(ctx -> {
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Referrer-Policy", "same-origin");
                ctx.header("Content-Security-Policy", CSP);
            });
            cfg.routes.before(students::identify);
            cfg.routes.before(new Csrf()::check);

            cfg.routes.get("/", pages::index);
            cfg.routes.get("/lessons/{slug}", pages::lesson);
            cfg.routes.get("/playground", pages::playground);
            cfg.routes.get("/playground/{id}", pages::notebook);
            cfg.routes.get("/health", ctx -> ctx.json(Map.of(
                    "status", "ok",
                    "lessons", course.get().lessons().size(),
                    "brokenLessons", course.get().problems().size(),
                    "kernels", kernels.size())));

            cfg.routes.post("/api/lessons/{slug}/run", notebook::run);
            cfg.routes.post("/api/lessons/{slug}/restart", notebook::restart);
            cfg.routes.post("/api/lessons/{slug}/stop", notebook::stop);
            cfg.routes.get("/api/lessons/{slug}/variables", notebook::variables);
            cfg.routes.put("/api/lessons/{slug}/cells/{cell}", notebook::saveCell);
            cfg.routes.delete("/api/lessons/{slug}/cells/{cell}", notebook::resetCell);

            cfg.routes.post("/api/lessons/{slug}/playground", playground::fromLesson);

            cfg.routes.get("/api/notebooks", playground::list);
            cfg.routes.post("/api/notebooks", playground::create);
            cfg.routes.post("/api/notebooks/import", playground::importLesson);
            cfg.routes.post("/api/markdown", playground::markdown);
            cfg.routes.get("/api/notebooks/{id}", playground::get);
            cfg.routes.put("/api/notebooks/{id}", playground::save);
            cfg.routes.delete("/api/notebooks/{id}", playground::delete);
            cfg.routes.get("/api/notebooks/{id}/export", playground::export);
            cfg.routes.post("/api/notebooks/{id}/run", playground::run);
            cfg.routes.post("/api/notebooks/{id}/restart", playground::restart);
            cfg.routes.post("/api/notebooks/{id}/stop", playground::stop);
            cfg.routes.get("/api/notebooks/{id}/variables", playground::variables);

            cfg.routes.post("/api/exercises/{slug}/check", exercises::check);
            cfg.routes.get("/api/exercises/{slug}/hint", exercises::hint);
            cfg.routes.put("/api/exercises/{slug}/code", exercises::saveCode);
            cfg.routes.delete("/api/exercises/{slug}/code", exercises::resetCode);

            // completion and Javadoc in Java editors: each page's route only names its kernel key
            cfg.routes.post("/api/lessons/{slug}/complete", ctx -> completion.complete(ctx, notebook.kernelKey(ctx)));
            cfg.routes.post("/api/lessons/{slug}/docs", ctx -> completion.documentation(ctx, notebook.kernelKey(ctx)));
            cfg.routes.post("/api/exercises/{slug}/complete", ctx -> completion.complete(ctx, exercises.kernelKey(ctx)));
            cfg.routes.post("/api/exercises/{slug}/docs", ctx -> completion.documentation(ctx, exercises.kernelKey(ctx)));
            cfg.routes.post("/api/notebooks/{id}/complete", ctx -> completion.complete(ctx, PlaygroundApi.kernelKey(ctx)));
            cfg.routes.post("/api/notebooks/{id}/docs", ctx -> completion.documentation(ctx, PlaygroundApi.kernelKey(ctx)));

            cfg.routes.get("/api/progress", progress::progress);
            cfg.routes.get("/api/progress/export", progress::export);
            cfg.routes.post("/api/progress/import", progress::importProgress);

            // classes: students join and sign in; instructors watch their classes (see docs/API.md)
            cfg.routes.get("/join", classPages::join);
            cfg.routes.get("/account", classPages::account);
            cfg.routes.get("/signin/{token}", classPages::studentSignIn);
            cfg.routes.post("/api/classes/join", accounts::join);
            cfg.routes.post("/api/signin", accounts::signInWithCode);
            cfg.routes.get("/api/account", accounts::account);
            cfg.routes.post("/api/account/credentials", accounts::renew);
            cfg.routes.delete("/api/account", accounts::delete);

            cfg.routes.get("/instructor", classPages::instructor);
            cfg.routes.get("/instructor/signin/{token}", classPages::instructorSignIn);
            cfg.routes.get("/instructor/classes/{id}", classPages::dashboard);
            cfg.routes.get("/instructor/classes/{id}/students/{member}", classPages::student);
            cfg.routes.post("/api/instructor/signin", instructors::signIn);
            cfg.routes.post("/api/instructor/signin/link", instructors::signInWithLink);
            cfg.routes.post("/api/instructor/signout", instructors::signOut);
            cfg.routes.get("/api/instructor/classes", classApi::list);
            cfg.routes.post("/api/instructor/classes", classApi::create);
            cfg.routes.get("/api/instructor/classes/{id}/dashboard", classApi::dashboard);
            cfg.routes.post("/api/instructor/classes/{id}/prepare", classApi::prepare);
            cfg.routes.get("/api/instructor/classes/{id}/students/{member}", classApi::student);
            cfg.routes.get("/api/instructor/classes/{id}/gradebook.csv", classApi::gradebookCsv);
            cfg.routes.get("/api/instructor/classes/{id}/gradebook.json", classApi::gradebookJson);

            cfg.routes.get("/v1/models", openAi::models);
            cfg.routes.post("/v1/chat/completions", openAi::chat);

            // also answers unmatched routes: Javalin throws its NotFoundResponse for those
            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> {
                if (e.getStatus() == 404 && !isApi(ctx)) {
                    pages.notFound(ctx, e.getMessage());
                } else {
                    error(ctx, e.getStatus(), e.getMessage());
                }
            });
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                error(ctx, 500, "Something went wrong on the server; it has been logged. Try again, or restart the kernel.");
            });
        });
    }

    public Javalin javalin() {
        return javalin;
    }

    /**
     * Renders the course's pages for nobody, {@link WebWarmup#ROUNDS} times, so that the first students' pages are
     * not the server's first ({@link WebWarmup}).
     */
    public void warmUp(Course course) {
        long started = System.nanoTime();
        int rendered = WebWarmup.render(pages, views, course, WebWarmup.ROUNDS);
        LOG.info("Pages warmed up: {} rendered in {} ms", rendered, (System.nanoTime() - started) / 1_000_000);
    }

    private static boolean isApi(Context ctx) {
        return ctx.path().startsWith("/api/");
    }

    private static void error(Context ctx, int status, String message) {
        ctx.status(status);
        if (isApi(ctx)) {
            ctx.json(Map.of("error", message == null ? "error " + status : message));
        } else {
            ctx.contentType("text/plain; charset=utf-8").result(message == null ? "Error " + status : message);
        }
    }
}
