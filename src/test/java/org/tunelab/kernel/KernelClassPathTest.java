package org.tunelab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernels' own class path: what goes into its jar, and when the jar is written again. */
class KernelClassPathTest {
    @TempDir
    Path dir;

    @Test
    void keepsOnlyThePrefixesAndTheAgentFirstEntryWinning() throws IOException {
        Path classes = dir.resolve("classes");
        write(classes.resolve("org/tunelab/play/Models.class"), "models from classes");
        write(classes.resolve("org/tunelab/play/Models.java"), "source, left out");
        write(classes.resolve("org/tunelab/web/App.class"), "the server, left out");
        write(classes.resolve("org/tunelab/kernel/KernelAgent.class"), "agent");
        Path library = jar(dir.resolve("lib.jar"), "org/tunelab/play/Models.class", "models from the jar",
                "com/example/lib/Thing.class", "a library");

        Path built = KernelClassPath.build(classes + java.io.File.pathSeparator + library,
                List.of("org/tunelab/play/", "com/example/"), dir.resolve("out"));

        assertEquals(List.of("com/example/lib/Thing.class", "org/tunelab/kernel/KernelAgent.class",
                "org/tunelab/play/Models.class"), KernelClassPath.names(built));
        try (ZipFile zip = new ZipFile(built.toFile())) {
            String models = new String(zip.getInputStream(zip.getEntry("org/tunelab/play/Models.class")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertEquals("models from classes", models, "the first class path entry wins, as for a class loader");
        }
        assertTrue(Files.getPosixFilePermissions(built).contains(PosixFilePermission.OTHERS_READ),
                "kernels run as users of their own and must read the jar");
    }

    @Test
    void theSameInputFindsTheSameJarAndAChangeWritesANewOne() throws IOException {
        Path classes = dir.resolve("classes");
        Path models = classes.resolve("org/tunelab/play/Models.class");
        write(models, "one");
        List<String> prefixes = List.of("org/tunelab/play/");
        Path first = KernelClassPath.build(classes.toString(), prefixes, dir.resolve("out"));
        long written = Files.getLastModifiedTime(first).toMillis();
        assertEquals(first, KernelClassPath.build(classes.toString(), prefixes, dir.resolve("out")));
        assertEquals(written, Files.getLastModifiedTime(first).toMillis(), "an unchanged class path reuses the jar");

        write(models, "two, longer");
        Path second = KernelClassPath.build(classes.toString(), prefixes, dir.resolve("out"));
        assertTrue(!second.equals(first), "a changed class gives a new jar: " + second);
        try (ZipFile zip = new ZipFile(second.toFile())) {
            assertEquals("two, longer", new String(zip.getInputStream(zip.getEntry("org/tunelab/play/Models.class"))
                    .readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static Path jar(Path path, String... namesAndTexts) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(path))) {
            for (int i = 0; i < namesAndTexts.length; i += 2) {
                out.putNextEntry(new JarEntry(namesAndTexts[i]));
                out.write(namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return path;
    }
}
