package org.tunelab.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lowers the CPU priority of a server thread, so that what it does (exercise checks, housekeeping) gives way to
 * students' runs when the cores are busy, and takes what they leave when not. Linux schedules each Java thread as a
 * task with a nice value of its own; {@link Thread#setPriority} does not reach it (HotSpot ignores it on Linux unless
 * it runs as root), so the thread has {@code renice} raise its nice value. A process may lower its threads'
 * priority but not raise it again, so only threads that never do interactive work are lowered: those of a pool
 * that serves background work alone.
 */
public final class ThreadPriority {
    /**
     * The nice value of background threads. Where a thread at 0 wants the same core, Linux gives one at 10 about a
     * tenth of it (weights 1024 and 110); on an idle core it runs at full speed.
     */
    public static final int BACKGROUND = 10;

    private static final System.Logger LOG = System.getLogger(ThreadPriority.class.getName());
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private ThreadPriority() {
    }

    /**
     * Lowers the calling thread's priority to nice {@code nice}, if it is not that low already.
     *
     * @return whether the thread now runs at {@code nice} or lower priority; false (logged once) where it cannot
     *         be lowered: no {@code /proc/thread-self} or no {@code renice}
     */
    public static boolean lowerCurrent(int nice) {
        try {
            if (ofCurrent() >= nice) {
                return true;
            }
            String tid = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString(); // PID/task/TID
            Process renice = new ProcessBuilder("renice", "-n", String.valueOf(nice), "-p", tid)
                    .redirectErrorStream(true).start();
            String said = new String(renice.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!renice.waitFor(10, TimeUnit.SECONDS)) {
                renice.destroyForcibly();
                return failed("renice did not finish");
            }
            if (renice.exitValue() != 0 || ofCurrent() < nice) {
                return failed("renice said: " + said);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return failed(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * {@code task} run by a thread that first lowers itself to {@link #BACKGROUND}: the body to give a thread (or a
     * pool's thread factory) that only ever does background work.
     */
    public static Runnable inBackground(Runnable task) {
        return () -> {
            lowerCurrent(BACKGROUND);
            task.run();
        };
    }

    /**
     * {@code task} as the body of a thread that works only for {@code kernels}: {@link #inBackground lowered} if they
     * are background kernels ({@link KernelConfig#background()}), as it is otherwise.
     */
    static Runnable forKernels(KernelConfig kernels, Runnable task) {
        return kernels.background() ? inBackground(task) : task;
    }

    /** The calling thread's nice value, read from {@code /proc/thread-self/stat}. */
    static int ofCurrent() throws IOException {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]); // field 19 of proc(5), counting from the state
    }

    private static boolean failed(String why) {
        if (WARNED.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.INFO, "Could not lower the priority of background threads (" + why + "): "
                    + "exercise checks share the cores equally with students' runs.");
        }
        return false;
    }
}
