package org.tunelab.kernel;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipFile;

/**
 * The one place that builds a kernel's child JVM command line. The sandbox ({@link Sandbox}: bubblewrap,
 * prlimit, its own user) wraps the command here and nowhere else, when {@link KernelConfig#sandbox()} is available.
 *
 * <p>The flags, chosen for many kernels on one machine (figures in the README, "Deploying for a class"):
 * <ul>
 *   <li>Serial GC keeps the JVM small. A small initial heap that grows when needed, and one that shrinks to 20%
 *       free, at once rather than over several collections ({@code -ShrinkHeapInSteps}), when {@link Kernel#trim()}
 *       collects, keep each kernel near what it uses: a kernel that ran lesson 8's fine-tuning held 8 MB live in a
 *       60 MB heap before, 14 MB after, and about 50 MB in all instead of 200.</li>
 *   <li>The native heap is trimmed every 5 s: what the JIT compilers allocated for a while goes back to the system.
 *       Left out on a JDK older than 17.0.9, which lacks the flag.</li>
 *   <li>The JDK's class data archive is mapped at its usual address ({@code ArchiveRelocationMode=0}, where this
 *       JDK's default is a random one). Relocating it writes to every page, so each kernel kept its own 10 MB copy;
 *       unrelocated, its read-only part is one copy shared by every kernel. Student code can run anything inside
 *       the sandbox anyway, so the random address protects little here.</li>
 *   <li>Once {@link ClassArchive} has made and proved it, the kernels' own class data archive (the agent, the play
 *       API, Tiny, the Vector API) is mapped too, bound read-only into the sandbox.</li>
 *   <li>Both JIT tiers stay on, because Tiny's loops in cells run 3-5x slower with C1 alone (5 generations, warm:
 *       1045-1076 ms with C1 only, 197-305 ms with C2; start-up was not slower).</li>
 *   <li>Methods are compiled after 3 times the JIT's usual counts of calls and loops. A kernel is mostly start-up
 *       code and one-off snippets that the JIT compiled for nothing, on the cores that students' runs share: a
 *       kernel's start cost its JVM about 215 ms of CPU instead of 270, a check's JVM 70-76 ms instead of 75-93,
 *       fifty {@code 1 + 1} runs 3-4 ms each instead of 6. Hot loops still reach C2 soon: the first fine-tuning in a
 *       fresh kernel on {@code serve} (full, 3 epochs of 80 examples, 8 kernels each) took 3.99 s on average against
 *       3.98 s; at 10 times it took 4.51 s (start-up 190-210 ms), too slow a first job for what it saved.</li>
 *   <li>The JVM's own messages go to stderr because stdout carries JShell's protocol; UTF-8 so that students' text
 *       survives.</li>
 * </ul>
 */
public final class KernelLauncher {
    /** Whether this JDK (the children's too: they run the server's own java) has TrimNativeHeapInterval. */
    private static final boolean TRIMS_NATIVE_HEAP = hasFlag("TrimNativeHeapInterval");
    /** Class paths known to hold the agent's class or not; a server has one or two. */
    private static final Map<String, Boolean> HAS_AGENT = new ConcurrentHashMap<>();

    private final KernelConfig config;

    public KernelLauncher(KernelConfig config) {
        this.config = config;
    }

    /** The full command, program first. */
    public List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(
                "-XX:+UseSerialGC",
                "-XX:CompileThresholdScaling=3",
                "-Xmx" + config.maxHeapMb() + "m",
                "-Xms8m",
                "-XX:MinHeapFreeRatio=10",
                "-XX:MaxHeapFreeRatio=20",
                "-XX:-ShrinkHeapInSteps",
                "-XX:+UnlockDiagnosticVMOptions",
                "-XX:ArchiveRelocationMode=0",
                "-XX:-UsePerfData",
                "-XX:+DisplayVMOutputToStderr",
                "-Xlog:disable",
                "-Xlog:all=warning:stderr",
                "-Dfile.encoding=UTF-8",
                "-Djava.awt.headless=true"));
        if (TRIMS_NATIVE_HEAP) {
            command.add("-XX:TrimNativeHeapInterval=5000");
        }
        Sandbox sandbox = config.sandbox();
        if (sandbox.available()) {
            command.addAll(Sandbox.JVM_FLAGS);
        }
        command.addAll(config.extraJvmArgs());
        command.addAll(config.classArchive().jvmFlags());
        command.add("-cp");
        String classPath = classPath();
        command.add(classPath);
        command.add(KernelAgent.class.getName());
        if (!sandbox.available()) {
            return command;
        }
        List<Path> readable = new ArrayList<>(Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty())
                .map(Path::of)
                .toList());
        config.classArchive().path().ifPresent(readable::add);
        return sandbox.wrap(command, readable, config.maxHeapMb());
    }

    /**
     * One thread that lives as long as the server starts every child. The sandbox runs the child with
     * {@code --die-with-parent}, and Linux sends that signal when the <em>thread</em> that started the process ends,
     * not the process: a kernel started from a request or pool thread that was later retired (an idle Jetty or
     * ForkJoin thread) was killed with it (exit 137 in the middle of a student's next run).
     */
    private static final ExecutorService SPAWNER = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "kernel-spawner");
        thread.setDaemon(true);
        return thread;
    });

    /** Starts the child JVM with stdin/stdout/stderr as pipes to this process. */
    public Process start() throws IOException {
        List<String> command = command();
        try {
            return SPAWNER.submit(() -> new ProcessBuilder(command).start()).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("starting a kernel failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting a kernel", e);
        }
    }

    /** The configured class path, plus wherever the agent itself lives if the configured one lacks it. */
    String classPath() {
        String agentHome = agentLocation();
        List<String> entries = Arrays.asList(config.classPath().split(File.pathSeparator));
        if (agentHome == null || entries.contains(agentHome) || HAS_AGENT.computeIfAbsent(config.classPath(),
                KernelLauncher::holdsAgent)) {
            return config.classPath();
        }
        return config.classPath().isEmpty() ? agentHome : config.classPath() + File.pathSeparator + agentHome;
    }

    /** Whether {@code classPath} has the agent's class in one of its directories or jars. */
    private static boolean holdsAgent(String classPath) {
        String name = KernelAgent.class.getName().replace('.', '/') + ".class";
        for (String entry : classPath.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path) ? Files.isRegularFile(path.resolve(name)) : hasEntry(path, name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasEntry(Path jar, String name) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.getEntry(name) != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean hasFlag(String name) {
        try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption(name);
            return true;
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    private static String agentLocation() {
        try {
            var source = KernelAgent.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI()).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
