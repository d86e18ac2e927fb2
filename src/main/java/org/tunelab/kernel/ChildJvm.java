package org.tunelab.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import javax.tools.StandardJavaFileManager;
import jdk.jshell.JShell;

/**
 * One child JVM and the host-side JShell that drives it. Replaced as a whole when the JVM ends; a
 * {@link Kernel} outlives its children.
 */
final class ChildJvm {
    private static final int STDERR_TAIL_CHARS = 2000;

    private final JShell shell;
    private final Process process;
    private final StringBuilder stderrTail = new StringBuilder();
    private volatile boolean engineEnded;

    private final PipeEngine engine;
    private final String classPath;

    private ChildJvm(JShell shell, Process process, PipeEngine engine, String classPath) {
        this.shell = shell;
        this.classPath = classPath;
        this.process = process;
        this.engine = engine;
    }

    /** Heap in use and its limit, in MB, asked of the child between runs; null if it cannot tell. */
    int[] heapMb() {
        long[] bytes = isAlive() ? engine.heap() : null;
        return bytes == null ? null : new int[] {(int) (bytes[0] >> 20), (int) (bytes[1] >> 20)};
    }

    /** Starts a child JVM whose output goes to {@code capture}; its gateway tells the handler {@code owner}. */
    static ChildJvm start(KernelConfig config, OutputCapture capture, java.util.function.Supplier<String> owner) {
        KernelLauncher launcher = new KernelLauncher(config);
        PipeEngine engine = new PipeEngine(launcher, capture.stream("display"), config.gateway(), owner);
        String classPath = launcher.classPath();
        JShell shell;
        try {
            JShell.Builder builder = JShell.builder()
                    .executionEngine(engine, java.util.Map.of())
                    .out(new PrintStream(capture.stream("stdout"), true, StandardCharsets.UTF_8))
                    .err(new PrintStream(capture.stream("stderr"), true, StandardCharsets.UTF_8))
                    .in(InputStream.nullInputStream())
                    .fileManager(files -> compileAgainst(files, classPath));
            shell = builder.build();
        } catch (RuntimeException e) {
            Process started = engine.process();
            String tail = started == null ? "" : " Child stderr: " + readSome(started);
            if (started != null) {
                started.destroyForcibly();
            }
            throw new KernelException("kernel: could not start the child JVM with " + launcher.command()
                    + ": " + e.getMessage() + tail, e);
        }
        ChildJvm child = new ChildJvm(shell, engine.process(), engine, classPath);
        shell.onShutdown(closed -> child.engineEnded = true);
        child.drainStderr(capture.stream("stderr"));
        return child;
    }

    /** Cells compile against the kernel's class path only (see {@link FixedClassPathFileManager}). */
    static StandardJavaFileManager compileAgainst(StandardJavaFileManager files, String classPath) {
        try {
            return new FixedClassPathFileManager(files, classPath);
        } catch (IOException e) {
            throw new UncheckedIOException("kernel: cannot compile against " + classPath, e);
        }
    }

    /**
     * Gives back what an idle kernel holds and can rebuild: the child collects its garbage and returns free heap to
     * the system, and the server's compiler for this kernel drops its pooled contexts (rebuilt by the next run;
     * the class path stays as it is, see {@link FixedClassPathFileManager}). Call only between runs: it uses
     * JShell's command channel.
     */
    void trim() {
        engine.trim();
        try {
            shell.addToClasspath(classPath);
        } catch (RuntimeException e) {
            // The child is ending; its compiler goes with it.
        }
    }

    JShell shell() {
        return shell;
    }

    long pid() {
        return process.pid();
    }

    /** JShell lost the child (its pipe closed), even if the OS has not reported the exit yet. */
    boolean engineEnded() {
        return engineEnded;
    }

    /** False as soon as JShell lost the pipe or the OS reports the exit, whichever comes first. */
    boolean isAlive() {
        return !engineEnded && process.isAlive();
    }

    /** Asks the running snippet to stop (ThreadDeath in the child); a snippet that catches it keeps running. */
    void requestStop() {
        try {
            shell.stop();
        } catch (RuntimeException e) {
            // The child may be ending at this moment; kill() remains.
        }
    }

    /** How long the child has been running a snippet's code, in nanoseconds; -1 while it runs none. */
    long runningFor() {
        return engine.runningFor();
    }

    /**
     * Kills the child JVM and anything it started, and waits (a second at most) until the OS says it ended: a run
     * right after a kill must see the child gone and start a fresh one, not run on the dying one (seen: "exit code
     * 137 during this run" for the student's next cell).
     */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The exit code once the child has ended (waiting briefly for the OS to report it), else null. */
    Integer exitCode() {
        try {
            if (process.waitFor(1, TimeUnit.SECONDS)) {
                return process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    String stderrTail() {
        synchronized (stderrTail) {
            return stderrTail.toString();
        }
    }

    void close() {
        kill();
        try {
            shell.close();
        } catch (RuntimeException e) {
            // Already closed down because the child ended; nothing left to release.
        }
    }

    /** Copies the child's raw stderr (JVM messages, writes to FileDescriptor.err) into the run's stderr. */
    private void drainStderr(OutputStream sink) {
        Thread drain = new Thread(() -> {
            byte[] buffer = new byte[4096];
            try (InputStream in = process.getErrorStream()) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    sink.write(buffer, 0, n);
                    synchronized (stderrTail) {
                        stderrTail.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                        if (stderrTail.length() > STDERR_TAIL_CHARS) {
                            stderrTail.delete(0, stderrTail.length() - STDERR_TAIL_CHARS);
                        }
                    }
                }
            } catch (IOException e) {
                // The child ended.
            }
        }, "kernel-" + process.pid() + "-stderr");
        drain.setDaemon(true);
        drain.start();
    }

    private static String readSome(Process process) {
        try {
            process.waitFor(1, TimeUnit.SECONDS);
            InputStream err = process.getErrorStream();
            byte[] some = err.readNBytes(Math.min(STDERR_TAIL_CHARS, Math.max(0, err.available())));
            return new String(some, StandardCharsets.UTF_8).strip();
        } catch (IOException | InterruptedException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
