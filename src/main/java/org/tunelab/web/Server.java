package org.tunelab.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tunelab.Config;
import org.tunelab.course.CourseLoader;
import org.tunelab.course.LiveCourse;
import org.tunelab.grading.Grader;
import org.tunelab.kernel.ClassArchive;
import org.tunelab.kernel.GatewayHandler;
import org.tunelab.kernel.KernelConfig;
import org.tunelab.kernel.Kernels;
import org.tunelab.kernel.Sandbox;
import org.tunelab.kernel.Warmup;
import org.tunelab.store.Store;

/** A running TuneLab: the app wired to its course, kernels and store. Closing it stops all three. */
public final class Server implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Server.class);
    /** New texts a student may embed a minute (texts embedded before are free): the retrieval lesson embeds about 800. */
    static final int EMBEDDINGS_PER_MINUTE = 2000;

    private final Store store;
    private final Kernels kernels;
    private final Grader grader;
    private final App app;
    private volatile java.util.concurrent.CompletableFuture<Void> warmup =
            java.util.concurrent.CompletableFuture.completedFuture(null);

    private Server(Store store, Kernels kernels, Grader grader, App app) {
        this.store = store;
        this.kernels = kernels;
        this.grader = grader;
        this.app = app;
    }

    /** Completes when the start-up warm-up of the compiler ({@link Warmup}), then of the pages, is over. */
    public java.util.concurrent.CompletableFuture<Void> warmup() {
        return warmup;
    }

    /**
     * Decides whether kernels are sandboxed ({@link Sandbox#detect()}), opens the store, starts the kernel pool
     * and listens on the configured host and port.
     *
     * @throws IllegalArgumentException if the host is not loopback and student code cannot be sandboxed
     */
    public static Server start(Config config) {
        Sandbox sandbox = Sandbox.detect();
        String mode = mode(config, sandbox);
        LOG.info("Kernels: {} ({})", sandbox.available() ? "sandboxed" : "NOT sandboxed", sandbox.reason());
        LOG.info("{}", mode);
        Store store = config.dbUrl().isBlank()
                ? Store.sqlite(config.dataDir().resolve("tunelab.db"))
                : Store.open(config.dbUrl(), config.dbUser(), config.dbPassword());
        ModelFiles models = new ModelFiles(config.modelsDir());
        CellGateway gateway = cellGateway(config, models);
        ClassArchive archive = config.classArchive() ? ClassArchive.wanted() : ClassArchive.none();
        KernelConfig kernelConfig = config.courseKernelConfig().withGateway(gateway).withSandbox(sandbox)
                .withClassArchive(archive);
        Kernels kernels = new Kernels(kernelConfig, config.fairness());
        kernels.allowBusyWhileIdle(gateway::training); // a fine-tuning job trains between cells on purpose
        Grader grader = new Grader(kernelConfig, config.checkTimeout(), config.fairness().concurrentRuns());
        // Students' runs, then lesson kernels, come before grading kernels: a student runs cells before checking.
        grader.yieldTo(() -> kernels.busy() || kernels.starting() > 0);
        LiveCourse course = new LiveCourse(new CourseLoader(config.courseDir()));
        App app = new App(course, kernels, grader, store, mode,
                config.instructorKey(), models);
        Server server = new Server(store, kernels, grader, app);
        try {
            app.javalin().start(config.host(), config.port());
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        // The warm-up's kernels start once the archive is in use (or not), so that its JIT sees the usual kernels.
        // Then the compiler is warmed on the course's own cells, compiled and not run, and the pages are rendered.
        server.warmup = archive.prepare(kernelConfig, Config.CLASS_ARCHIVE_CELLS)
                .thenCompose(inUse -> grader.warmUp(config.warmup()))
                .thenCompose(warm -> config.warmup() > 0 ? grader.warmUpOn(course.get())
                        : java.util.concurrent.CompletableFuture.completedFuture(0))
                .thenAccept(cells -> {
                    if (config.warmup() > 0) {
                        app.warmUp(course.get()); // on the thread that compiled the cells, at its lower priority
                    }
                });
        LOG.info("TuneLab is serving {} on http://{}:{}/ (data in {})",
                Path.of("").toAbsolutePath().resolve(config.courseDir()).normalize(), config.host(), server.port(),
                config.dataDir().toAbsolutePath());
        Path lessons = config.courseDir().toAbsolutePath().normalize().resolve("lessons");
        if (!Files.isDirectory(lessons)) {
            LOG.warn("There is no folder {}, so the course is empty: start TuneLab in the course's folder, or name it"
                    + " with --course DIR", lessons);
        }
        return server;
    }

    /**
     * One line for the page footer on how student code runs. Secure by default: without the sandbox only
     * loopback is served, unless {@code --unsafe-no-sandbox} says every user may run anything as this server.
     *
     * @throws IllegalArgumentException when asked to serve other addresses without a sandbox or that flag
     */
    static String mode(Config config, Sandbox sandbox) {
        if (sandbox.available()) {
            return "Student code runs in sandboxed kernels.";
        }
        if (isLoopback(config.host())) {
            return "Not sandboxed (" + sandbox.reason() + "): student code runs as this server's user, so only this"
                    + " machine is served (" + config.host() + ").";
        }
        if (!config.unsafeNoSandbox()) {
            throw new IllegalArgumentException("refusing to serve " + config.host() + ": student code cannot be"
                    + " sandboxed here (" + sandbox.reason() + "), so anyone who can reach the server could run"
                    + " anything as its user. Install bubblewrap and run as root (see README, Deploying for a class),"
                    + " serve 127.0.0.1 only, or pass --unsafe-no-sandbox if you trust every user.");
        }
        return "Not sandboxed (" + sandbox.reason() + "): student code runs as this server's user, and "
                + config.host() + " is served anyway (--unsafe-no-sandbox).";
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--host " + host + ": unknown address");
        }
    }

    /** The grader, for the load command (its kernels got ready ahead of a class). */
    public Grader grader() {
        return grader;
    }

    /** The kernels, for the load command's report. */
    public Kernels kernels() {
        return kernels;
    }

    /**
     * What cells may ask of the server (remote LLM, training slots, saved models), for kernels this config starts;
     * {@code validate} uses it too, so that lessons that fine-tune can be checked.
     */
    public static GatewayHandler gateway(Config config) {
        return cellGateway(config, new ModelFiles(config.modelsDir()));
    }

    private static CellGateway cellGateway(Config config, ModelFiles models) {
        return new CellGateway(new LlmGateway(config.llm(), config.llmPerMinute()),
                new JobSlots(config.trainingSlots(), 5000), models,
                new EmbeddingGateway(config.dataDir().resolve("embeddings"), EMBEDDINGS_PER_MINUTE));
    }

    public int port() {
        return app.javalin().port();
    }

    @Override
    public void close() {
        try {
            app.javalin().stop();
        } finally {
            try {
                kernels.close();
                grader.close();
            } finally {
                store.close();
            }
        }
    }
}
