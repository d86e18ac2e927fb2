package org.tunelab.kernel;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How kernels are started and limited. Built once at start-up and passed down; immutable.
 *
 * @param runTimeout      how long one run may take before it is stopped
 * @param outputCapBytes  how much of stdout + stderr one run keeps (the rest is dropped, {@code truncated} set)
 * @param idleTimeout     how long a kernel may sit unused before {@link Kernels#evictIdle()} closes it
 * @param poolSize        how many pre-started kernels {@link KernelPool} keeps ready
 * @param maxHeapMb       the child JVM's {@code -Xmx}
 * @param classPath       the child JVM's class path, also used to compile cells
 * @param extraJvmArgs    more child JVM options, e.g. {@code --add-modules jdk.incubator.vector}
 * @param startupSnippets evaluated in every new kernel before it is handed out (imports etc.)
 * @param gateway         answers what code in a kernel asks of the server (see {@link GatewayHandler}); null for none
 * @param sandbox         whether and how child JVMs are sandboxed ({@link Sandbox#detect()} at start-up)
 * @param classArchive    the class data archive child JVMs map once it is ready ({@link ClassArchive}); none by default
 * @param background      whether these kernels' work gives way to students' runs when the cores are busy (exercise
 *                        checks): they are started, and their cells compiled, on server threads of {@link
 *                        ThreadPriority#BACKGROUND lower priority}; false by default
 */
public record KernelConfig(Duration runTimeout, int outputCapBytes, Duration idleTimeout, int poolSize,
                           int maxHeapMb, String classPath, List<String> extraJvmArgs, List<String> startupSnippets,
                           GatewayHandler gateway, Sandbox sandbox, ClassArchive classArchive, boolean background) {

    /** The imports of the {@code jshell} tool's DEFAULT start-up, less {@code java.util.prefs}. */
    public static final List<String> DEFAULT_IMPORTS = List.of(
            "import java.io.*;",
            "import java.math.*;",
            "import java.net.*;",
            "import java.nio.file.*;",
            "import java.util.*;",
            "import java.util.concurrent.*;",
            "import java.util.function.*;",
            "import java.util.regex.*;",
            "import java.util.stream.*;");

    public KernelConfig {
        Objects.requireNonNull(runTimeout, "runTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(classPath, "classPath");
        Objects.requireNonNull(sandbox, "sandbox (Sandbox.none(reason) for none)");
        Objects.requireNonNull(classArchive, "classArchive (ClassArchive.none() for none)");
        if (runTimeout.isNegative() || runTimeout.isZero()) {
            throw new IllegalArgumentException("KernelConfig: runTimeout must be positive, was " + runTimeout);
        }
        if (outputCapBytes < 1) {
            throw new IllegalArgumentException("KernelConfig: outputCapBytes must be at least 1, was " + outputCapBytes);
        }
        if (poolSize < 0) {
            throw new IllegalArgumentException("KernelConfig: poolSize must not be negative, was " + poolSize);
        }
        if (maxHeapMb < 16) {
            throw new IllegalArgumentException("KernelConfig: maxHeapMb must be at least 16, was " + maxHeapMb);
        }
        extraJvmArgs = List.copyOf(extraJvmArgs);
        startupSnippets = List.copyOf(startupSnippets);
    }

    /**
     * 10 s per run, 64 KiB of output, 30 min idle, 2 pooled kernels, 128 MB heap, the server's class path, no
     * sandbox (the server and the hostile-code tests add {@link Sandbox#detect()}).
     */
    public static KernelConfig defaults() {
        return new KernelConfig(Duration.ofSeconds(10), 64 * 1024, Duration.ofMinutes(30), 2, 128,
                System.getProperty("java.class.path"), List.of(), DEFAULT_IMPORTS, null,
                Sandbox.none("kernels were configured without a sandbox"), ClassArchive.none(), false);
    }

    public KernelConfig withRunTimeout(Duration value) {
        return new KernelConfig(value, outputCapBytes, idleTimeout, poolSize, maxHeapMb, classPath, extraJvmArgs, startupSnippets,
                gateway, sandbox, classArchive, background);
    }

    public KernelConfig withOutputCapBytes(int value) {
        return new KernelConfig(runTimeout, value, idleTimeout, poolSize, maxHeapMb, classPath, extraJvmArgs, startupSnippets,
                gateway, sandbox, classArchive, background);
    }

    public KernelConfig withIdleTimeout(Duration value) {
        return new KernelConfig(runTimeout, outputCapBytes, value, poolSize, maxHeapMb, classPath, extraJvmArgs, startupSnippets,
                gateway, sandbox, classArchive, background);
    }

    public KernelConfig withPoolSize(int value) {
        return new KernelConfig(runTimeout, outputCapBytes, idleTimeout, value, maxHeapMb, classPath, extraJvmArgs, startupSnippets,
                gateway, sandbox, classArchive, background);
    }

    public KernelConfig withMaxHeapMb(int value) {
        return new KernelConfig(runTimeout, outputCapBytes, idleTimeout, poolSize, value, classPath, extraJvmArgs, startupSnippets,
                gateway, sandbox, classArchive, background);
    }

    public KernelConfig withClassPath(String value) {
        return new KernelConfig(runTimeout, outputCapBytes, idleTimeout, poolSize, maxHeapMb, value, extraJvmArgs, startupSnippets,
                gateway, sandbox, classArchive, background);
    }

    public KernelConfig withExtraJvmArgs(List<String> value) {
        return new KernelConfig(runTimeout, outputCapBytes, idleTimeout, poolSize, maxHeapMb, classPath, value, startupSnippets,
                gateway, sandbox, classArchive, background);
    }

    public KernelConfig withGateway(GatewayHandler value) {
        return new KernelConfig(runTimeout, outputCapBytes, idleTimeout, poolSize, maxHeapMb, classPath, extraJvmArgs, startupSnippets,
                value, sandbox, classArchive, background);
    }

    public KernelConfig withStartupSnippets(List<String> value) {
        return new KernelConfig(runTimeout, outputCapBytes, idleTimeout, poolSize, maxHeapMb, classPath, extraJvmArgs, value,
                gateway, sandbox, classArchive, background);
    }

    public KernelConfig withSandbox(Sandbox value) {
        return new KernelConfig(runTimeout, outputCapBytes, idleTimeout, poolSize, maxHeapMb, classPath, extraJvmArgs, startupSnippets,
                gateway, value, classArchive, background);
    }

    public KernelConfig withClassArchive(ClassArchive value) {
        return new KernelConfig(runTimeout, outputCapBytes, idleTimeout, poolSize, maxHeapMb, classPath, extraJvmArgs, startupSnippets,
                gateway, sandbox, value, background);
    }

    public KernelConfig withBackground(boolean value) {
        return new KernelConfig(runTimeout, outputCapBytes, idleTimeout, poolSize, maxHeapMb, classPath, extraJvmArgs, startupSnippets,
                gateway, sandbox, classArchive, value);
    }
}
