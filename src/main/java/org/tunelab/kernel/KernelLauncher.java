package org.tunelab.kernel;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The one place that builds a kernel's child JVM command line. The sandbox ({@link Sandbox}: bubblewrap,
 * prlimit, its own user) wraps the command here and nowhere else, when {@link KernelConfig#sandbox()} is available.
 *
 * <p>The flags: serial GC keeps the JVM small; both JIT tiers stay on, because Tiny's loops in cells run 3-5x
 * slower with C1 alone (5 generations, warm: 1045-1076 ms with C1 only, 197-305 ms with C2; start-up was not
 * slower); the JVM's own
 * messages go to stderr because stdout carries JShell's protocol; UTF-8 so that students' text survives.
 */
public final class KernelLauncher {
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
                "-Xmx" + config.maxHeapMb() + "m",
                "-XX:-UsePerfData",
                "-XX:+DisplayVMOutputToStderr",
                "-Xlog:disable",
                "-Xlog:all=warning:stderr",
                "-Dfile.encoding=UTF-8",
                "-Djava.awt.headless=true"));
        Sandbox sandbox = config.sandbox();
        if (sandbox.available()) {
            command.addAll(Sandbox.JVM_FLAGS);
        }
        command.addAll(config.extraJvmArgs());
        command.add("-cp");
        String classPath = classPath();
        command.add(classPath);
        command.add(KernelAgent.class.getName());
        if (!sandbox.available()) {
            return command;
        }
        List<Path> readable = Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty())
                .map(Path::of)
                .toList();
        return sandbox.wrap(command, readable, config.maxHeapMb());
    }

    /** Starts the child JVM with stdin/stdout/stderr as pipes to this process. */
    public Process start() throws IOException {
        return new ProcessBuilder(command()).start();
    }

    /** The configured class path, plus wherever the agent itself lives if the configured one lacks it. */
    String classPath() {
        String agentHome = agentLocation();
        List<String> entries = Arrays.asList(config.classPath().split(File.pathSeparator));
        if (agentHome == null || entries.contains(agentHome)) {
            return config.classPath();
        }
        return config.classPath().isEmpty() ? agentHome : config.classPath() + File.pathSeparator + agentHome;
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
