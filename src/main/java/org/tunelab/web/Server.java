package org.tunelab.web;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tunelab.Config;
import org.tunelab.course.CourseLoader;
import org.tunelab.course.LiveCourse;
import org.tunelab.grading.Grader;
import org.tunelab.kernel.KernelConfig;
import org.tunelab.kernel.Kernels;
import org.tunelab.store.Store;

/** A running TuneLab: the app wired to its course, kernels and store. Closing it stops all three. */
public final class Server implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Server.class);

    private final Store store;
    private final Kernels kernels;
    private final Grader grader;
    private final App app;

    private Server(Store store, Kernels kernels, Grader grader, App app) {
        this.store = store;
        this.kernels = kernels;
        this.grader = grader;
        this.app = app;
    }

    /** Opens the store, starts the kernel pool and listens on the configured host and port. */
    public static Server start(Config config) {
        Store store = config.dbUrl().isBlank()
                ? Store.sqlite(config.dataDir().resolve("tunelab.db"))
                : Store.open(config.dbUrl(), config.dbUser(), config.dbPassword());
        CellGateway gateway = new CellGateway(new LlmGateway(config.llm(), config.llmPerMinute()),
                new JobSlots(config.trainingSlots(), 5000), new ModelFiles(config.dataDir().resolve("models")));
        KernelConfig kernelConfig = config.kernelConfig().withGateway(gateway);
        Kernels kernels = new Kernels(kernelConfig);
        Grader grader = new Grader(kernelConfig, config.checkTimeout());
        String mode = "Student code runs in separate JVMs on this machine, without a sandbox: serving "
                + config.host() + " only.";
        App app = new App(new LiveCourse(new CourseLoader(config.courseDir())), kernels, grader, store, mode);
        Server server = new Server(store, kernels, grader, app);
        try {
            app.javalin().start(config.host(), config.port());
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        LOG.info("TuneLab is serving {} on http://{}:{}/ (data in {})",
                Path.of("").toAbsolutePath().resolve(config.courseDir()).normalize(), config.host(), server.port(),
                config.dataDir().toAbsolutePath());
        return server;
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
