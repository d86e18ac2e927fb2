package org.tunelab.kernel;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A class data archive (AppCDS) for kernels' child JVMs: the classes a kernel loads beyond the JDK's own archive
 * (JShell's agent, the play API, Tiny, the Vector API, JUnit's assertions), parsed and verified once, then mapped
 * read-only by every kernel. Measured on 2 cores (README, "Deploying for a class"): a kernel whose first cell asks
 * Tiny for a completion used about 0.25 CPU s less in its JVM, and each kernel held about 5 MB less memory, since
 * the mapped classes are one copy for all.
 *
 * <p>Kernels start without it until {@link #prepare} has made it and proved it works:
 * <ol>
 *   <li>A JVM outside the sandbox, started with {@code -XX:ArchiveClassesAtExit}, runs the given cells (the
 *       server's own, never a student's) and exits; the JVM writes the classes it loaded.</li>
 *   <li>A kernel, sandboxed like every other, starts with {@code -Xshare:on}, which refuses to start unless the
 *       archive maps (and its CRC is right), and must run {@code 1 + 1}.</li>
 * </ol>
 * The archive lies beside the kernels' class path jar, named after it and this JDK, so a restart of the same build
 * reuses it (and proves it again). If either step fails, the server logs why and kernels carry on without it. Once
 * in use, an archive that stopped matching is ignored by the JVM without a message: a student never sees one.
 *
 * <p>The JVM only archives classes from jars, so a class path with a directory (a development build's
 * {@code target/classes}) gets no archive.
 */
public final class ClassArchive {
    private static final System.Logger LOG = System.getLogger(ClassArchive.class.getName());

    private final boolean wanted;
    private final boolean strict;
    private volatile Path path;
    /** The archive's size when it was proved; -1 for one given (tests). */
    private volatile long size = -1;

    private ClassArchive(boolean wanted, Path path, boolean strict) {
        this.wanted = wanted;
        this.path = path;
        this.strict = strict;
    }

    /** No archive: kernels start as they did before archives. */
    public static ClassArchive none() {
        return new ClassArchive(false, null, false);
    }

    /** An archive that kernels use once {@link #prepare} has made it. */
    public static ClassArchive wanted() {
        return new ClassArchive(true, null, false);
    }

    /** An archive already made (for tests): {@code strict} kernels start only if it maps, after checking its CRC. */
    static ClassArchive using(Path archive, boolean strict) {
        return new ClassArchive(true, archive, strict);
    }

    /** The archive kernels use now, if any. */
    public Optional<Path> path() {
        return Optional.ofNullable(path);
    }

    /**
     * The JVM flags that map the archive (none until it is ready). Messages of the JVM's class sharing are turned
     * off because a kernel's stderr reaches the student: an archive that no longer matches is simply not used. A JVM
     * that maps a truncated archive crashes, though, so an archive whose size changed since it was proved is
     * dropped here; the proof run checks its CRC as well.
     */
    List<String> jvmFlags() {
        Path archive = path;
        if (archive == null) {
            return List.of();
        }
        if (size >= 0 && archive.toFile().length() != size) {
            path = null;
            LOG.log(System.Logger.Level.WARNING, "Class data archive {0} changed since it was checked ({1} bytes, now"
                    + " {2}); kernels start without it", archive, size, archive.toFile().length());
            return List.of();
        }
        return strict ? List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:on", "-XX:+VerifySharedSpaces")
                : List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:cds*=off:stderr");
    }

    /**
     * Makes the archive for kernels started with {@code config} (reusing one made earlier for the same class path
     * and JDK), proves that a kernel starts with it, and from then on has kernels use it. Runs in a background
     * thread; the future says whether the archive is in use. Does nothing (false) when no archive is wanted.
     *
     * @param cells what the archiving JVM runs: the more of a kernel's usual classes they load, the more is shared
     */
    public CompletableFuture<Boolean> prepare(KernelConfig config, List<String> cells) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        if (!wanted || path != null) {
            done.complete(path != null);
            return done;
        }
        Thread thread = new Thread(() -> {
            try {
                done.complete(make(config, cells));
            } catch (RuntimeException | Error e) {
                LOG.log(System.Logger.Level.WARNING, "Class data archive for kernels not used: {0}", e.toString());
                done.complete(false);
            }
        }, "class-archive");
        thread.setDaemon(true);
        thread.start();
        return done;
    }

    private boolean make(KernelConfig config, List<String> cells) {
        long started = System.nanoTime();
        String why = unarchivable(config.classPath());
        if (why != null) {
            LOG.log(System.Logger.Level.INFO, "Class data archive for kernels not made: {0}", why);
            return false;
        }
        Path archive = fileFor(config);
        boolean reused = Files.isRegularFile(archive);
        Path candidate = archive;
        try {
            if (!reused) {
                candidate = archive.resolveSibling(archive.getFileName() + ".tmp-" + ProcessHandle.current().pid());
                Files.deleteIfExists(candidate);
                dump(config, cells, candidate);
            }
            String failure = check(config, candidate);
            if (failure != null) {
                LOG.log(System.Logger.Level.WARNING, "Class data archive for kernels not used: {0}", failure);
                if (reused) {
                    Files.deleteIfExists(archive); // another build's or JDK's of the same name: the next start remakes it
                }
                return false;
            }
            if (!reused) {
                Files.move(candidate, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Class data archive for kernels not used: {0}", e.toString());
            return false;
        } finally {
            if (candidate != archive) {
                try {
                    Files.deleteIfExists(candidate);
                } catch (IOException e) {
                    // a stray temporary file beside the jar; the next start makes another name
                }
            }
        }
        size = archive.toFile().length();
        path = archive;
        LOG.log(System.Logger.Level.INFO, "Kernels use the class data archive {0} ({1} MB, {2} in {3} ms)", archive,
                archive.toFile().length() >> 20, reused ? "checked" : "made",
                (System.nanoTime() - started) / 1_000_000);
        return true;
    }

    /** Runs {@code cells} in an unsandboxed kernel that writes the archive to {@code target} as it exits. */
    private static void dump(KernelConfig config, List<String> cells, Path target) throws IOException {
        List<String> flags = new ArrayList<>(config.extraJvmArgs());
        flags.add("-XX:ArchiveClassesAtExit=" + target);
        KernelConfig dumping = config.withSandbox(Sandbox.none("it only runs the server's own cells"))
                .withClassArchive(none()).withGateway(null).withExtraJvmArgs(flags);
        Kernel kernel = Kernel.start(dumping);
        try {
            for (String cell : cells) {
                RunResult result = kernel.run(cell);
                if (result.status() != RunStatus.OK) {
                    LOG.log(System.Logger.Level.WARNING, "A class archive cell did not run cleanly ({0}), so fewer"
                            + " classes are shared: {1}", result.status(), cell.lines().findFirst().orElse(""));
                }
            }
            kernel.run("System.exit(0);"); // the JVM writes the archive before it ends
        } finally {
            kernel.close();
        }
        if (!Files.isRegularFile(target) || Files.size(target) == 0) {
            throw new IOException("the archiving JVM wrote no archive to " + target);
        }
    }

    /** Null if a kernel with {@code config}'s sandbox starts with the archive mapped (-Xshare:on) and runs, else why. */
    private static String check(KernelConfig config, Path archive) {
        KernelConfig strict = config.withClassArchive(using(archive, true));
        try (Kernel kernel = Kernel.start(strict)) {
            RunResult result = kernel.run("1 + 1");
            return result.status() == RunStatus.OK && "2".equals(result.value()) ? null
                    : "a kernel started with it answered " + result.status() + " " + result.value() + " "
                            + result.stderr();
        } catch (KernelException e) {
            return "a kernel did not start with it: " + e.getMessage();
        }
    }

    /** Why the JVM cannot archive classes from {@code classPath}, or null if it can. */
    static String unarchivable(String classPath) {
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isEmpty() && !entry.endsWith(".jar")) {
                return "the kernels' class path has " + entry + ", and only classes from jars can be archived";
            }
        }
        return classPath.isBlank() ? "the kernels' class path is empty" : null;
    }

    /**
     * Beside the class path's first jar: its name, then a digest of what else must match (this JDK, the class path
     * and the JVM options that decide which classes load).
     */
    static Path fileFor(KernelConfig config) {
        Path jar = Path.of(config.classPath().split(File.pathSeparator)[0]).toAbsolutePath();
        String key = String.join("\n", System.getProperty("java.home"), System.getProperty("java.vm.version"),
                config.classPath(), String.join(" ", config.extraJvmArgs()));
        String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
        return jar.resolveSibling(name + "-" + digest(key) + ".jsa");
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
