package org.tunelab.kernel;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A class path for kernels that holds only what student code may use: one small jar of the classes and resources
 * under a few prefixes, copied out of the server's own class path.
 *
 * <p>Why: each kernel's compiler (in the server) and its child JVM open every jar on the class path. The server's
 * class path is one 116 MB jar of 16,000 entries (web server, database drivers, ONNX Runtime ...), and every
 * kernel's JShell kept its own index of it: megabytes of the server's heap per kernel. The small jar also keeps
 * the server's libraries out of students' reach.
 *
 * <p>The jar is named by a digest of what went into it, so a restart with the same build reuses it (and any class
 * data archive made for it stays valid).
 */
public final class KernelClassPath {
    /** What every kernel needs whatever the course: the agent that runs snippets in the child JVM. */
    public static final String AGENT = "org/tunelab/kernel/";

    private KernelClassPath() {
    }

    /**
     * Writes (or finds, if already written) the jar of {@code classPath}'s entries under {@code prefixes} (plus
     * {@link #AGENT}) in {@code dir}, and returns its path. Where two entries have the same name the first on the
     * class path wins, as for a class loader. Java sources are left out.
     *
     * @throws IOException if {@code dir} cannot be written or an entry of the class path cannot be read
     */
    public static Path build(String classPath, List<String> prefixes, Path dir) throws IOException {
        List<String> wanted = Stream.concat(prefixes.stream(), Stream.of(AGENT)).distinct().sorted().toList();
        List<Path> entries = Stream.of(classPath.split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty())
                .map(Path::of)
                .filter(Files::exists)
                .toList();
        Path jar = dir.resolve("kernel-classes-" + digest(entries, wanted) + ".jar");
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        Files.createDirectories(dir);
        Path partial = Files.createTempFile(dir, "kernel-classes-", ".partial");
        try {
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(partial))) {
                Set<String> written = new TreeSet<>();
                for (Path entry : entries) {
                    if (Files.isDirectory(entry)) {
                        copyDirectory(entry, wanted, written, out);
                    } else {
                        copyJar(entry, wanted, written, out);
                    }
                }
            }
            // Kernels run as users of their own (see Sandbox), so the jar must be readable by all.
            if (partial.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(partial, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
        return jar;
    }

    private static boolean wanted(String name, List<String> prefixes) {
        return !name.endsWith("/") && !name.endsWith(".java") && prefixes.stream().anyMatch(name::startsWith);
    }

    private static void copyDirectory(Path root, List<String> prefixes, Set<String> written, JarOutputStream out)
            throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String name = root.relativize(file).toString().replace(File.separatorChar, '/');
            if (wanted(name, prefixes) && written.add(name)) {
                try (InputStream in = Files.newInputStream(file)) {
                    put(out, name, in);
                }
            }
        }
    }

    private static void copyJar(Path path, List<String> prefixes, Set<String> written, JarOutputStream out)
            throws IOException {
        try (ZipFile zip = new ZipFile(path.toFile())) {
            List<? extends ZipEntry> entries = zip.stream().filter(e -> wanted(e.getName(), prefixes)).toList();
            for (ZipEntry entry : entries) {
                if (written.add(entry.getName())) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        put(out, entry.getName(), in);
                    }
                }
            }
        }
    }

    private static void put(JarOutputStream out, String name, InputStream in) throws IOException {
        JarEntry entry = new JarEntry(name);
        entry.setTime(0); // the same build gives the same bytes
        out.putNextEntry(entry);
        in.transferTo(out);
        out.closeEntry();
    }

    /** A digest of the prefixes and of each class path entry's path, size and modification time. */
    private static String digest(List<Path> entries, List<String> prefixes) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String prefix : prefixes) {
                sha.update((prefix + "\n").getBytes(StandardCharsets.UTF_8));
            }
            for (Path entry : entries) {
                sha.update((entry.toAbsolutePath() + "\n").getBytes(StandardCharsets.UTF_8));
                if (Files.isDirectory(entry)) {
                    try (Stream<Path> walk = Files.walk(entry)) {
                        for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                            stamp(sha, file);
                        }
                    }
                } else {
                    stamp(sha, entry);
                }
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void stamp(MessageDigest sha, Path file) throws IOException {
        String line = file + " " + Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis() + "\n";
        sha.update(line.getBytes(StandardCharsets.UTF_8));
    }

    /** For tests: the entry names in a jar. */
    static List<String> names(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(ZipEntry::getName).sorted().toList();
        }
    }
}
