package org.tunelab.kernel;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where JShell's compiler runs: student code is compiled in the server's JVM (only its execution is sandboxed), so
 * code nested too deeply or too long for javac's recursive tree walks must fail as the student's error, not the
 * server's. Compiler work runs on threads with a known stack of {@value #STACK_MB} MB, whatever thread asked: enough
 * for any cell a person writes (measured: 3,000 nested parentheses compile in 0.8 s, a sum of 5,000 terms in 1.1 s),
 * small enough that hostile depth overflows quickly (10,000 parentheses or 50,000 terms: a StackOverflowError within
 * 0.6 s) instead of keeping a core busy for half a minute as a 64 MB stack would.
 *
 * <p>Depth is not the only way to keep javac busy: overloads called with nested lambdas make it try every
 * combination (ten levels took 12 s, twelve over two minutes). So a compile also has a time limit; past it, the
 * compiler thread is stopped ({@link Thread#stop()}, which Java 17 still has: javac holds no lock that outlives
 * it, and the JShell it worked for is thrown away with its kernel).
 */
final class CompilerThreads {
    static final int STACK_MB = 4;
    private static final System.Logger LOG = System.getLogger(CompilerThreads.class.getName());
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final long LOG_EVERY_NANOS = 10_000_000_000L;
    private static final AtomicLong LAST_LOGGED = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS - 1);
    private static final ExecutorService POOL = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(null, task, "kernel-compiler-" + THREADS.incrementAndGet(), (long) STACK_MB << 20);
        thread.setDaemon(true);
        return thread;
    });
    /** Compiler threads for background kernels ({@link KernelConfig#background()}): lower priority, see {@link ThreadPriority}. */
    private static final ExecutorService BACKGROUND = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(null, ThreadPriority.inBackground(task),
                "kernel-compiler-background-" + THREADS.incrementAndGet(), (long) STACK_MB << 20);
        thread.setDaemon(true);
        return thread;
    });

    /** The compiler ran out of stack on a cell: too deeply nested or too long an expression. */
    static final class TooComplexException extends Exception {
        TooComplexException(Throwable cause) {
            super("too deeply nested or too long to compile", cause, false, false);
        }
    }

    /** The compiler was still at work on a cell when its time was up; its thread was stopped. */
    static final class TooSlowException extends Exception {
        TooSlowException() {
            super("took longer than its time limit to compile", null, false, false);
        }
    }

    /** The sentence a student reads when a cell is {@link TooComplexException too complex}. */
    static final String TOO_COMPLEX = "This cell is nested too deeply or has too long an expression to compile "
            + "(the compiler ran out of its " + STACK_MB + " MB of stack). Split it: give parts of the expression "
            + "names of their own, or build long sums and lists in a loop.";

    private CompilerThreads() {
    }

    /**
     * Runs compiler work on a compiler thread and waits for it at most {@code limitMillis}.
     *
     * @throws TooComplexException when the compiler overflowed its stack (a StackOverflowError, possibly wrapped by
     *                             JShell as an InternalError)
     * @throws TooSlowException    when the work was still going at the limit: its thread has been stopped, and the
     *                             JShell it used must not be used again
     */
    static <T> T call(Callable<T> work, long limitMillis) throws TooComplexException, TooSlowException {
        return call(work, limitMillis, false);
    }

    /**
     * As {@link #call(Callable, long)}, on a thread of {@link ThreadPriority#BACKGROUND lower priority} if {@code
     * background}: an exercise check's compiles give way to students' runs when the cores are busy.
     */
    static <T> T call(Callable<T> work, long limitMillis, boolean background) throws TooComplexException,
            TooSlowException {
        AtomicReference<Thread> worker = new AtomicReference<>();
        Future<T> future = (background ? BACKGROUND : POOL).submit(() -> {
            worker.set(Thread.currentThread());
            try {
                return work.call();
            } finally {
                synchronized (worker) {
                    worker.set(null);
                }
            }
        });
        try {
            return future.get(limitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            stop(worker);
            throw new TooSlowException();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while compiling", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (overflowed(cause)) {
                throw new TooComplexException(cause);
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void stop(AtomicReference<Thread> worker) {
        synchronized (worker) {
            Thread thread = worker.get();
            if (thread == null) {
                return; // finished meanwhile
            }
            try {
                thread.stop(); // the pool's thread survives: FutureTask catches the ThreadDeath
            } catch (UnsupportedOperationException e) { // Java 20 and later: it runs to its end, on its own
                LOG.log(System.Logger.Level.WARNING, "kernel: a compile past its time limit cannot be stopped on this "
                        + "Java; it goes on in the background");
            }
        }
    }

    /** One log line, at most every 10 s, for a refused cell: expected, so without a stack trace. */
    static void logRefused(String owner, String what) {
        long now = System.nanoTime();
        long last = LAST_LOGGED.get();
        if (now - last > LOG_EVERY_NANOS && LAST_LOGGED.compareAndSet(last, now)) {
            LOG.log(System.Logger.Level.INFO, "kernel " + (owner == null ? "(unowned)" : owner) + ": refused " + what
                    + ": too deeply nested or too long to compile (further refusals in the next 10 s are not logged)");
        }
    }

    /** The sentence a student reads when a cell is {@link TooSlowException too slow} to compile. */
    static String tooSlow(long limitMillis) {
        return "The compiler was still working on this cell after " + Math.round(limitMillis / 1000.0) + " s, so it was "
                + "stopped and the kernel restarted; earlier definitions are gone. Thousands of declarations in one "
                + "cell, or overloaded methods called with nested lambdas (javac tries every combination), keep it "
                + "busy that long: split the cell, or give the lambdas explicit types.";
    }

    /** The most UTF-8 bytes a string constant may have in a class file. */
    static final int MAX_CONSTANT_BYTES = 65_535;

    /**
     * A string literal of the cell too long for a class file, as a diagnostic at its start, or null. javac only
     * notices when it writes the class, and JShell then loses track of later snippets (their values come back
     * empty), so such a cell is refused before it is compiled. Comments and character literals are skipped; a text
     * block is measured as written.
     */
    static Diagnostic tooLongLiteral(String code) {
        int i = 0;
        while (i < code.length()) {
            if (code.startsWith("//", i)) {
                i = endOf(code, "\n", i + 2);
            } else if (code.startsWith("/*", i)) {
                i = endOf(code, "*/", i + 2);
            } else if (code.charAt(i) == '\'') {
                i = closing(code, i + 1, "'") + 1;
            } else if (code.charAt(i) == '"') {
                String quote = code.startsWith("\"\"\"", i) ? "\"\"\"" : "\"";
                int start = i + quote.length();
                int end = closing(code, start, quote);
                if (code.substring(start, end).getBytes(StandardCharsets.UTF_8).length > MAX_CONSTANT_BYTES) {
                    int line = (int) code.substring(0, i).chars().filter(c -> c == '\n').count() + 1;
                    return new Diagnostic(line, i - code.lastIndexOf('\n', i - 1), "this string is longer than the "
                            + "65,535 bytes a Java class file can hold in one constant: build it in a loop "
                            + "(\"x\".repeat(n)) or from smaller pieces");
                }
                i = end + quote.length();
            } else {
                i++;
            }
        }
        return null;
    }

    /** The index just past {@code end} from {@code from}, or the code's length. */
    private static int endOf(String code, String end, int from) {
        int at = code.indexOf(end, from);
        return at < 0 ? code.length() : at + end.length();
    }

    /** The index of the unescaped {@code quote} that closes a literal opened before {@code from}, or the code's length. */
    private static int closing(String code, int from, String quote) {
        int i = from;
        while (i < code.length() && !code.startsWith(quote, i)) {
            i += code.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i, code.length());
    }

    /** Lets the next refusal log again at once (tests). */
    static void resetLogLimit() {
        LAST_LOGGED.set(System.nanoTime() - LOG_EVERY_NANOS - 1);
    }

    private static boolean overflowed(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof StackOverflowError) {
                return true;
            }
        }
        return false;
    }
}
