package org.tunelab.kernel;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Whether kernels' child JVMs run in a sandbox, why (or why not), and the command that puts one there.
 * {@link #detect()} decides once, at start-up, by running a JVM in the sandbox; {@link KernelLauncher} asks
 * {@link #wrap} for the command of every child.
 *
 * <p>The sandbox, on Linux with bubblewrap and the server running as root:
 * <pre>
 *   nice -n 10 prlimit --nproc --cpu --nofile --core=0 --as \
 *     bwrap (new ipc, pid, net, uts, cgroup namespaces; no user namespace) --die-with-parent --new-session
 *           --clearenv; read-only: the system libraries, the JDK, the class path; private tmpfs /tmp; /dev read-only
 *       setpriv --reuid=U --regid=U --clear-groups --inh-caps=-all --bounding-set=-all --no-new-privs
 *         java (flags that make the address-space limit workable) KernelAgent
 * </pre>
 * Each kernel gets a user id of its own ({@code U}, from 200000 up; servers on one machine each take a block of
 * 10,000 of them, see {@link UidBlock}): RLIMIT_NPROC counts threads per user,
 * so a shared id would let one student's thread bomb use up every kernel's threads, and root ignores the
 * limit altogether. bubblewrap runs without a user namespace because one made by root maps the sandbox's
 * user back to root (again no RLIMIT_NPROC); it keeps only CAP_SETUID, CAP_SETGID and CAP_SETPCAP, which
 * {@code setpriv} uses to become {@code U} and then drops with everything else. The kernel talks to the
 * server over its stdin/stdout only, so it needs no network: its network namespace holds only its own
 * loopback.
 */
public final class Sandbox {
    /** The first of the user ids given to kernels; none of them needs an entry in /etc/passwd. */
    static final int FIRST_UID = 200_000;
    static final int UIDS = 60_000;

    /**
     * Per-kernel limits.
     *
     * @param threads        RLIMIT_NPROC: threads and processes of one kernel (a JVM uses about 20)
     * @param cpuSeconds     RLIMIT_CPU: CPU seconds over the kernel's whole life; past it the kernel is killed
     * @param openFiles      RLIMIT_NOFILE
     * @param addressSpaceMb RLIMIT_AS beyond the heap: code cache, metaspace, thread stacks, malloc arenas
     * @param tmpMb          size of the private {@code /tmp}
     */
    public record Limits(int threads, int cpuSeconds, int openFiles, int addressSpaceMb, int tmpMb) {
        public static Limits defaults() {
            return new Limits(128, 1800, 256, 1024, 16);
        }
    }

    /**
     * JVM flags for a sandboxed child: they keep its reserved address space near 550 MB (instead of about
     * 2.3 GB) so that an RLIMIT_AS of heap + {@link Limits#addressSpaceMb()} leaves room to work.
     */
    static final List<String> JVM_FLAGS = List.of(
            "-XX:ReservedCodeCacheSize=32m",
            "-XX:CompressedClassSpaceSize=64m",
            "-XX:MaxMetaspaceSize=96m",
            "-Xss512k",
            "-Djava.io.tmpdir=/tmp",
            "-Duser.home=/tmp");

    private final boolean available;
    private final String reason;
    private final Limits limits;
    private final Tools tools;
    private final AtomicInteger nextUid = new AtomicInteger();
    /** This server's share of the user ids, claimed on first use and held for the life of the JVM. */
    private static volatile UidBlock uidBlock;

    private static UidBlock uidBlock() {
        UidBlock block = uidBlock;
        if (block == null) {
            synchronized (Sandbox.class) {
                if (uidBlock == null) {
                    uidBlock = UidBlock.claim(Path.of(System.getProperty("java.io.tmpdir")));
                }
                block = uidBlock;
            }
        }
        return block;
    }

    /** Where the programs the sandbox needs live. */
    private record Tools(Path bwrap, Path prlimit, Path setpriv, Path nice, String bwrapVersion) {
    }

    private Sandbox(boolean available, String reason, Limits limits, Tools tools) {
        this.available = available;
        this.reason = reason;
        this.limits = limits;
        this.tools = tools;
    }

    /** No sandbox; {@code reason} says why, for start-up and the page footer. */
    public static Sandbox none(String reason) {
        return new Sandbox(false, reason, Limits.defaults(), null);
    }

    /** {@link #detect(Limits)} with the default limits. */
    public static Sandbox detect() {
        return detect(Limits.defaults());
    }

    /**
     * Finds out whether the sandbox works here: Linux, root, bubblewrap, prlimit and setpriv installed, and a JVM
     * started in the sandbox with these limits runs. Takes about a second; call it once at start-up.
     */
    public static Sandbox detect(Limits limits) {
        if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) {
            return none("the sandbox needs Linux with bubblewrap; this is " + System.getProperty("os.name"));
        }
        Optional<Path> bwrap = onPath("bwrap");
        if (bwrap.isEmpty()) {
            return none("bubblewrap is not installed (apt-get install bubblewrap)");
        }
        Optional<Path> prlimit = onPath("prlimit");
        Optional<Path> setpriv = onPath("setpriv");
        if (prlimit.isEmpty() || setpriv.isEmpty()) {
            return none("prlimit and setpriv (util-linux) are needed next to bubblewrap; not found on PATH");
        }
        String uid = processUid();
        if (!"0".equals(uid)) {
            return none("the server runs as uid " + uid + ", not root, so it cannot run each kernel as a user of its"
                    + " own (needed for the per-kernel process limit)");
        }
        String version = firstLine(bwrap.get().toString(), "--version");
        Tools tools = new Tools(bwrap.get(), prlimit.get(), setpriv.get(), onPath("nice").orElse(null), version);
        Sandbox candidate = new Sandbox(true, version + ": each kernel runs as a user of its own, without network,"
                + " seeing only the JDK, the system libraries and the class path, with limits on threads (" + limits.threads()
                + "), CPU (" + limits.cpuSeconds() + " s), open files and memory", limits, tools);
        String failure = candidate.trial();
        return failure == null ? candidate : none("bubblewrap is installed but a JVM did not start in the sandbox: " + failure);
    }

    /** Whether kernels run sandboxed. */
    public boolean available() {
        return available;
    }

    /** Why kernels run sandboxed or not, in one sentence. */
    public String reason() {
        return reason;
    }

    public Limits limits() {
        return limits;
    }

    /**
     * The command that runs {@code javaCommand} (a JDK's {@code java} and its arguments) in a fresh sandbox that
     * can read {@code readable} (the class path) as well as the JDK and the system libraries.
     *
     * @throws IllegalStateException if the sandbox is not available
     */
    List<String> wrap(List<String> javaCommand, Collection<Path> readable, int maxHeapMb) {
        if (!available) {
            throw new IllegalStateException("sandbox: not available (" + reason + ")");
        }
        int uid = uidBlock().uid(FIRST_UID, UIDS, nextUid.getAndIncrement());
        List<String> command = new ArrayList<>();
        if (tools.nice() != null) {
            // Student code yields the CPU to the server's own threads (pages, compiling cells).
            command.addAll(List.of(tools.nice().toString(), "-n", "10"));
        }
        command.addAll(List.of(tools.prlimit().toString(),
                "--nproc=" + limits.threads(),
                "--cpu=" + limits.cpuSeconds(),
                "--nofile=" + limits.openFiles(),
                "--core=0",
                "--as=" + (long) (maxHeapMb + limits.addressSpaceMb()) * 1024 * 1024,
                "--"));
        command.addAll(List.of(tools.bwrap().toString(),
                "--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts", "--unshare-cgroup-try",
                "--die-with-parent", "--new-session",
                "--cap-drop", "ALL", "--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID", "--cap-add", "CAP_SETPCAP",
                "--clearenv", "--setenv", "MALLOC_ARENA_MAX", "2", "--setenv", "HOME", "/tmp",
                "--setenv", "LANG", "C.UTF-8",
                "--hostname", "kernel",
                "--proc", "/proc",
                "--dev", "/dev",
                "--perms", "1777", "--size", String.valueOf((long) limits.tmpMb() * 1024 * 1024), "--tmpfs", "/tmp"));
        Mounts bound = new Mounts();
        for (Path library : systemLibraries()) {
            addReadOnly(command, bound, library);
        }
        Path javaHome = Path.of(javaCommand.get(0)).getParent().getParent();
        for (Path path : jdkPaths(javaHome)) {
            addReadOnly(command, bound, path);
        }
        addReadOnly(command, bound, tools.setpriv());
        for (Path path : readable) {
            addReadOnly(command, bound, path.toAbsolutePath().normalize());
        }
        command.addAll(List.of("--remount-ro", "/dev", "--chdir", "/tmp", "--"));
        command.addAll(List.of(tools.setpriv().toString(),
                "--reuid=" + uid, "--regid=" + uid, "--clear-groups",
                "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs", "--"));
        command.addAll(javaCommand);
        return command;
    }

    /**
     * Adds a read-only bind of {@code path} at the same place, unless it does not exist or an earlier bind
     * already shows it. A symbolic link becomes the same link in the sandbox; its target must be bound too.
     */
    private static void addReadOnly(List<String> command, Mounts bound, Path path) {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS) || bound.shown.stream().anyMatch(path::startsWith)) {
            return;
        }
        // bubblewrap would make missing parents mode 0700, which the kernel's user could not pass through.
        for (int i = 1; i < path.getNameCount(); i++) {
            Path parent = path.getRoot().resolve(path.subpath(0, i));
            if (!parent.equals(TMP) && bound.dirs.add(parent)) {
                command.addAll(List.of("--perms", "0755", "--dir", parent.toString()));
            }
        }
        bound.shown.add(path);
        if (Files.isSymbolicLink(path)) {
            try {
                command.addAll(List.of("--symlink", Files.readSymbolicLink(path).toString(), path.toString()));
                return;
            } catch (IOException e) {
                // unreadable link: bind what it points to instead
            }
        }
        command.addAll(List.of("--ro-bind", path.toString(), path.toString()));
    }

    private static final Path TMP = Path.of("/tmp");

    /** What the sandbox shows so far: bound paths (and everything under them), and directories made for them. */
    private static final class Mounts {
        // Not /tmp: the sandbox's /tmp is a fresh tmpfs, so a class path under the real /tmp must be bound into it.
        final List<Path> shown = new ArrayList<>(List.of(Path.of("/proc"), Path.of("/dev")));
        final java.util.Set<Path> dirs = new java.util.HashSet<>();
    }

    /** /usr/lib and friends, for the JVM's shared libraries; on a merged-/usr system /lib and /lib64 are links. */
    private static List<Path> systemLibraries() {
        List<Path> libraries = new ArrayList<>();
        for (String dir : List.of("/usr/lib", "/usr/lib64", "/usr/lib32", "/lib", "/lib64", "/lib32")) {
            Path path = Path.of(dir);
            if (Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                libraries.add(path);
            }
        }
        return libraries;
    }

    /** The JDK (by its real path), plus what its symbolic links point to outside it (Debian keeps conf in /etc). */
    private static List<Path> jdkPaths(Path javaHome) {
        List<Path> paths = new ArrayList<>();
        Path home;
        try {
            home = javaHome.toRealPath();
        } catch (IOException e) {
            home = javaHome;
        }
        paths.add(home);
        if (!home.equals(javaHome.toAbsolutePath())) {
            paths.add(javaHome.toAbsolutePath());
        }
        Path root = home;
        try (Stream<Path> files = Files.walk(home, 4)) {
            files.filter(Files::isSymbolicLink).forEach(link -> {
                try {
                    Path target = link.toRealPath();
                    if (!target.startsWith(root)) {
                        paths.add(target);
                    }
                } catch (IOException dangling) {
                    // A link to nothing (e.g. an uninstalled doc package) needs nothing bound.
                }
            });
        } catch (IOException e) {
            // Unreadable JDK: the trial run will say so.
        }
        return paths;
    }

    /** Runs {@code java -version} in the sandbox; null when it worked, else what went wrong. */
    private String trial() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> javaCommand = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Xmx128m", "-XX:-UsePerfData"));
        javaCommand.addAll(JVM_FLAGS);
        javaCommand.add("-version");
        List<String> command = wrap(javaCommand, List.of(), 128);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = readAtMost(process.getInputStream(), 4000);
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "it did not finish within 20 s";
            }
            String text = new String(output, StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                return "exit code " + process.exitValue() + ": " + text;
            }
            return text.contains("version") ? null : "unexpected output: " + text;
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        byte[] all = in.readAllBytes();
        return all.length <= limit ? all : java.util.Arrays.copyOf(all, limit);
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        return Stream.concat(Stream.of(path.split(File.pathSeparator)), Stream.of("/usr/bin", "/usr/sbin", "/bin", "/sbin"))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** The real user id of this process, from /proc; "unknown" where that cannot be read. */
    private static String processUid() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("Uid:"))
                    .map(line -> line.split("\\s+")[1])
                    .findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String firstLine(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            process.waitFor(5, TimeUnit.SECONDS);
            return out.lines().findFirst().orElse(command[0]);
        } catch (IOException e) {
            return command[0];
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return command[0];
        }
    }

    @Override
    public String toString() {
        return (available ? "sandboxed: " : "not sandboxed: ") + reason;
    }
}
