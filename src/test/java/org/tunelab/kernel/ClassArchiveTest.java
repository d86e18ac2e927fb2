package org.tunelab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernels' class data archive: made once, proved by a kernel that starts only if it maps, then used by every
 * kernel (sandboxed where the sandbox works); a broken one is not used, and kernels start without it.
 */
class ClassArchiveTest {
    @TempDir
    Path dir;

    /** Kernels on a jar of just the agent (the JVM archives classes from jars only), as sandboxed as they can be. */
    private KernelConfig config() throws IOException {
        Path jar = KernelClassPath.build(System.getProperty("java.class.path"), List.of(), dir.resolve("kernel"));
        return KernelConfig.defaults().withClassPath(jar.toString()).withPoolSize(0).withSandbox(Sandbox.detect());
    }

    @Test
    void isMadeOnceProvedAndThenMappedByEveryKernel() throws Exception {
        KernelConfig base = config();
        ClassArchive archive = ClassArchive.wanted();
        KernelConfig config = base.withClassArchive(archive);
        assertEquals(List.of(), archive.jvmFlags(), "no flags before it is ready");
        assertFalse(new KernelLauncher(config).command().toString().contains("SharedArchiveFile"));

        assertTrue(archive.prepare(config, List.of(Warmup.CELL)).get(120, TimeUnit.SECONDS), "made and proved");
        Path file = archive.path().orElseThrow();
        assertEquals(ClassArchive.fileFor(base), file);
        assertTrue(Files.size(file) > 100_000, "the kernel's classes are in it: " + Files.size(file) + " bytes");
        assertTrue(new KernelLauncher(config).command().contains("-XX:SharedArchiveFile=" + file));
        try (Kernel kernel = Kernel.start(config)) {
            RunResult result = kernel.run(Warmup.CELL);
            assertEquals(RunStatus.OK, result.status(), result.toString());
            assertEquals("", result.stderr(), "nothing said about the archive");
        }
        try (Kernel strict = Kernel.start(base.withClassArchive(ClassArchive.using(file, true)))) {
            assertEquals("2", strict.run("1 + 1").value(), "-Xshare:on: this kernel starts only with the archive mapped");
        }

        FileTime made = Files.getLastModifiedTime(file);
        ClassArchive again = ClassArchive.wanted();
        assertTrue(again.prepare(base.withClassArchive(again), List.of("this cell would not compile"))
                .get(120, TimeUnit.SECONDS), "a restart proves the archive it finds");
        assertEquals(file, again.path().orElseThrow());
        assertEquals(made, Files.getLastModifiedTime(file), "and uses it as it is");

        Files.write(file, new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
        assertEquals(List.of(), again.jvmFlags(), "a JVM may crash on an archive changed since it was proved");
        assertTrue(again.path().isEmpty(), "so kernels start without it");
    }

    @Test
    void aBrokenArchiveIsNotUsedAndKernelsStartWithoutIt() throws Exception {
        KernelConfig base = config();
        Path file = ClassArchive.fileFor(base);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "not an archive", StandardCharsets.UTF_8);

        ClassArchive archive = ClassArchive.wanted();
        assertFalse(archive.prepare(base.withClassArchive(archive), List.of()).get(120, TimeUnit.SECONDS));
        assertTrue(archive.path().isEmpty());
        assertEquals(List.of(), archive.jvmFlags());
        assertFalse(Files.exists(file), "removed, so that the next start makes a new one");

        // One that stops matching after it was proved: the JVM ignores it, and the student hears nothing of it.
        Files.writeString(file, "not an archive", StandardCharsets.UTF_8);
        try (Kernel kernel = Kernel.start(base.withClassArchive(ClassArchive.using(file, false)))) {
            RunResult result = kernel.run("1 + 1");
            assertEquals("2", result.value(), result.toString());
            assertEquals("", result.stderr());
        }
    }

    @Test
    void onlyJarsCanBeArchivedAndNoneMeansNone() throws Exception {
        assertNotNull(ClassArchive.unarchivable("target/classes" + File.pathSeparator + "lib.jar"));
        assertNull(ClassArchive.unarchivable("a.jar" + File.pathSeparator + "b.jar"));

        ClassArchive archive = ClassArchive.wanted();
        KernelConfig directories = KernelConfig.defaults().withClassPath(dir.toString()).withClassArchive(archive);
        assertFalse(archive.prepare(directories, List.of()).get(30, TimeUnit.SECONDS));
        assertTrue(archive.path().isEmpty());

        ClassArchive none = ClassArchive.none();
        assertFalse(none.prepare(config().withClassArchive(none), List.of()).get(30, TimeUnit.SECONDS));
        assertEquals(List.of(), none.jvmFlags());
    }
}
