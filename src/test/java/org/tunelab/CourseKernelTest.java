package org.tunelab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunelab.kernel.Kernel;
import org.tunelab.kernel.KernelConfig;
import org.tunelab.kernel.RunResult;
import org.tunelab.kernel.RunStatus;
import org.tunelab.kernel.Sandbox;

/**
 * The course's kernels (as the server and validate start them, sandboxed where the sandbox works) see what lessons
 * and checks use, and none of the server's own classes.
 */
class CourseKernelTest {
    @Test
    void seeThePlayApiTinyAndJUnitButNotTheServer(@TempDir Path data) {
        List<String> startup = new ArrayList<>(Config.KERNEL_IMPORTS);
        startup.add("import static org.junit.jupiter.api.Assertions.*;"); // as the grader adds
        KernelConfig config = Config.from(new String[] {"--data", data.toString()}, Map.of()).courseKernelConfig()
                .withPoolSize(0).withSandbox(Sandbox.detect()).withStartupSnippets(startup);
        assertTrue(config.classPath().startsWith(data.resolve("kernel").toAbsolutePath().toString()), config.classPath());
        try (Kernel kernel = Kernel.start(config)) {
            RunResult tiny = kernel.run("Models.tiny().count(\"hello world\") > 0");
            assertEquals("true", tiny.value(), "the play API and Tiny's weights load: " + tiny);
            RunResult junit = kernel.run("assertEquals(2, 1 + 1); \"checked\"");
            assertEquals("\"checked\"", junit.value(), "checks use JUnit's assertions: " + junit);

            RunResult compiled = kernel.run("io.javalin.Javalin app = null;");
            assertEquals(RunStatus.ERROR, compiled.status());
            assertTrue(compiled.diagnostics().toString().contains("io.javalin"), "the web server's classes do not compile: "
                    + compiled);
            RunResult loaded = kernel.run("Class.forName(\"org.sqlite.JDBC\")");
            assertEquals(RunStatus.ERROR, loaded.status());
            assertTrue(String.valueOf(loaded.exception()).contains("ClassNotFoundException"),
                    "nor load by name: " + loaded);
        }
    }

    /** A cell that fails leaves its classes out of the archive, and the server only logs it: so this test fails. */
    @Test
    void theClassArchiveCellsRunCleanlyInACourseKernel(@TempDir Path data) {
        KernelConfig config = Config.from(new String[] {"--data", data.toString()}, Map.of()).courseKernelConfig()
                .withPoolSize(0).withSandbox(Sandbox.detect());
        try (Kernel kernel = Kernel.start(config)) {
            for (String cell : Config.CLASS_ARCHIVE_CELLS) {
                RunResult result = kernel.run(cell);
                assertEquals(RunStatus.OK, result.status(), cell + " -> " + result);
            }
        }
    }
}
