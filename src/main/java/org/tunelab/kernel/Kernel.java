package org.tunelab.kernel;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.UnresolvedReferenceException;

/**
 * One JShell in a child JVM, for one student in one lesson: definitions from one run are visible in the next.
 *
 * <p>Runs are serialised (one at a time); {@link #stop()} and {@link #close()} may be called from any thread.
 * A cell is split into snippets and evaluated up to the first compile error or exception. A run past the time
 * limit is stopped: first by JShell's stop (ThreadDeath in the snippet's thread), and if the snippet's code has
 * run on for a second after it (it catches Throwable), by killing the child JVM. When the child JVM has ended, the next
 * run starts a fresh one and says so ({@code stateLost}).
 */
public final class Kernel implements AutoCloseable {
    private static final Duration KILL_GRACE = Duration.ofSeconds(1);
    private static final Duration STOP_AGAIN = Duration.ofMillis(100);
    /**
     * The limit of each start-up snippet (imports). They take milliseconds, but a machine starting a class's worth of
     * JVMs at once can take seconds; failing the start over it helps nobody (measured: 28 of 200 checks failed so
     * with the 15 s check limit).
     */
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(60);
    /** What {@link #prime} evaluates: an expression on a String, as most first cells have. */
    static final String PRIMER = "\"primer\".length()";
    /** Output beyond this many times the cap stops the run: nobody reads it, and it costs the host. */
    private static final int FLOOD_FACTOR = 16;
    /**
     * How long completion and documentation wait for the kernel. A run holds it for the whole run, so waiting
     * longer rarely helps; a run that arrives meanwhile waits only for the analysis itself (tens of ms).
     */
    private static final long ANALYSIS_WAIT_MS = 20;
    /** How long completion or docs may keep the compiler busy on one request. */
    private static final long ANALYSIS_LIMIT_MS = 5_000;
    /** How long past a run's time limit its compile may go on: the child's stop and kill come first. */
    private static final Duration COMPILE_SLACK = Duration.ofSeconds(2);
    private static final System.Logger LOG = System.getLogger(Kernel.class.getName());

    private enum StopReason { TIMEOUT, REQUEST, FLOOD }

    /** What the snippets of one cell produced, before stops and deaths are taken into account. */
    private record Outcome(String value, List<Diagnostic> diagnostics, ExceptionInfo exception, List<String> notes) {
        static final Outcome NOTHING = new Outcome(null, List.of(), null, List.of());
    }

    private final KernelConfig config;
    private final OutputCapture capture = new OutputCapture();
    private final SourceDocs sources;
    private final ReentrantLock runLock = new ReentrantLock();
    private final ScheduledThreadPoolExecutor watchdog;
    private final Object stopLock = new Object();
    private volatile ChildJvm child;
    private volatile Instant lastUsed = Instant.now();
    private volatile String owner;
    /** Names this kernel (not its child JVM, which may be replaced): a page that ran in another learns its state is gone. */
    private final String id = java.util.UUID.randomUUID().toString();
    private volatile boolean closed;
    /** Why the previous child ended, told with the next run; guarded by runLock. */
    private String endedBecause;
    // The run in progress; guarded by stopLock.
    private long runNumber;
    private boolean running;
    private StopReason stopReason;
    private boolean killed;

    private Kernel(KernelConfig config) {
        this.config = config;
        this.sources = SourceDocs.forImports(config.startupSnippets());
        this.watchdog = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "kernel-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        watchdog.setRemoveOnCancelPolicy(true);
        watchdog.setKeepAliveTime(10, TimeUnit.SECONDS);
        watchdog.allowCoreThreadTimeOut(true);
    }

    /**
     * Starts a child JVM and evaluates the start-up snippets in it.
     *
     * @throws KernelException if the JVM does not start or a start-up snippet fails
     */
    public static Kernel start(KernelConfig config) {
        Kernel kernel = new Kernel(config);
        kernel.runLock.lock();
        try {
            kernel.startChild();
        } catch (RuntimeException e) {
            kernel.close();
            throw e;
        } finally {
            kernel.runLock.unlock();
        }
        return kernel;
    }

    public RunResult run(String code) {
        return run(code, null);
    }

    /**
     * Runs a cell: its statements, declarations and expressions in order, stopping at the first compile error
     * or exception. Waits for a run in progress on this kernel to end first.
     *
     * @param listener receives output as it arrives; may be null
     * @throws IllegalStateException if the kernel was closed
     */
    public RunResult run(String code, OutputListener listener) {
        runLock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("kernel: run after close; get a new kernel from KernelPool or Kernels");
            }
            long started = System.nanoTime();
            String lost = null;
            if (child == null || !child.isAlive()) {
                lost = "A fresh kernel was started because " + (endedBecause == null ? "the previous one had ended" : endedBecause)
                        + "; earlier definitions are gone.";
                if (child != null) {
                    child.close();
                }
                try {
                    startChild();
                } catch (KernelException e) {
                    return RunResult.failed("Could not start a Java kernel: " + e.getMessage(), millisSince(started));
                }
            }
            RunResult result = evaluate(code == null ? "" : code, listener, started, config.runTimeout());
            // Asked here, not in evaluate(): start-up snippets need no measuring.
            int[] heap = result.status() == RunStatus.DIED || !child.isAlive() ? null : child.heapMb();
            if (heap != null) {
                result = result.withHeap(heap[0], heap[1]);
            }
            if (lost != null) {
                result = result.withMessage(true, result.message() == null ? lost : lost + " " + result.message());
            }
            return result;
        } finally {
            lastUsed = Instant.now();
            runLock.unlock();
        }
    }

    /** Stops the run in progress, if any, the way a timeout would; its result has status ERROR. */
    public void stop() {
        long number;
        synchronized (stopLock) {
            if (!running) {
                return;
            }
            number = runNumber;
        }
        stop(number, StopReason.REQUEST);
    }

    /**
     * Gives back the memory an idle kernel holds and can rebuild, keeping its state: the child JVM collects its
     * garbage and shrinks its heap, and the server's compiler for this kernel drops its caches (the next run
     * rebuilds them, in tens of milliseconds). Does nothing and returns false if a run is in progress.
     */
    public boolean trim() {
        if (!runLock.tryLock()) {
            return false;
        }
        try {
            ChildJvm current = child;
            if (closed || current == null || !current.isAlive()) {
                return false;
            }
            current.trim();
            return true;
        } finally {
            runLock.unlock();
        }
    }

    /** Whether the child JVM is running; a kernel that is not alive restarts on its next run, losing its state. */
    public boolean isAlive() {
        ChildJvm current = child;
        return !closed && current != null && current.isAlive();
    }

    /** When the last run ended (or the kernel started). */
    /** A random id, unique across servers and restarts: the page keeps it, and sends it back with its next run. */
    public String id() {
        return id;
    }

    public Instant lastUsed() {
        return lastUsed;
    }

    /** Kills the child JVM, ending a run in progress (its result has status DIED). Idempotent. */
    @Override
    public void close() {
        closed = true;
        ChildJvm current = child;
        if (current != null) {
            current.close();
        }
        watchdog.shutdownNow();
    }

    /**
     * The names of the variables, methods and types declared in this kernel now (start-up snippets
     * included). The grader uses it to refuse student declarations that would shadow what checks use.
     */
    public java.util.Set<String> declaredNames() {
        runLock.lock();
        try {
            ChildJvm current = child;
            if (closed || current == null || !current.isAlive()) {
                return java.util.Set.of();
            }
            JShell shell = current.shell();
            java.util.Set<String> names = new java.util.TreeSet<>();
            shell.variables().forEach(v -> names.add(v.name()));
            shell.methods().forEach(m -> names.add(m.name()));
            shell.types().forEach(t -> names.add(t.name()));
            return names;
        } finally {
            runLock.unlock();
        }
    }

    private static final java.util.Set<String> SHOWN_TYPES = java.util.Set.of("int", "long", "double", "float",
            "boolean", "char", "short", "byte", "String", "Integer", "Long", "Double", "Float", "Boolean",
            "Character", "Short", "Byte", "java.lang.String");
    private static final int VALUE_CHARS = 80;

    /**
     * The variables declared now (not the {@code $1} JShell makes for a cell's value), in declaration order, with
     * short values for simple types; empty while a run
     * holds the kernel for longer than a moment (the panel asks again after the run).
     */
    public List<Variable> variables() {
        try {
            if (!runLock.tryLock(200, TimeUnit.MILLISECONDS)) {
                return List.of();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
        try {
            ChildJvm current = child;
            if (closed || current == null || !current.isAlive()) {
                return List.of();
            }
            JShell shell = current.shell();
            List<Variable> found = new ArrayList<>();
            shell.variables().filter(v -> shell.status(v) == Snippet.Status.VALID
                    && v.subKind() != Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND).forEach(v -> {
                String value = null;
                if (SHOWN_TYPES.contains(v.typeName())) {
                    try {
                        value = shell.varValue(v);
                        if (value.length() > VALUE_CHARS) {
                            value = value.substring(0, VALUE_CHARS) + "…";
                        }
                    } catch (RuntimeException e) {
                        value = null; // not initialised, or the kernel is going away
                    }
                }
                found.add(new Variable(v.name(), v.typeName(), value));
            });
            return found;
        } finally {
            runLock.unlock();
        }
    }

    /**
     * What may be typed at {@code cursor} in a cell, as JShell's completion finds it with this kernel's declarations
     * (each continuation once, at most {@link Completions#MAX}). Never waits for a run: while one holds the kernel
     * the answer is empty and {@code busy}. Runs nothing.
     *
     * @param code   the cell's whole text
     * @param cursor an offset in {@code code}
     */
    public Completions complete(String code, int cursor) {
        return analyse(busy -> Completions.none(cursor, busy), analysis -> analysis.complete(code, cursor));
    }

    /**
     * The signatures, with Javadoc where its source is at hand, of the method, variable or type at {@code cursor}
     * (each overload of a call being typed). Never waits for a run, as {@link #complete}.
     */
    public Documentation documentation(String code, int cursor) {
        return analyse(Documentation::none, analysis -> analysis.documentation(code, cursor));
    }

    private <T> T analyse(java.util.function.Function<Boolean, T> nothing,
                          java.util.function.Function<CodeAnalysis, T> question) {
        try {
            if (!runLock.tryLock(ANALYSIS_WAIT_MS, TimeUnit.MILLISECONDS)) {
                return nothing.apply(true);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return nothing.apply(true);
        }
        ChildJvm current = child;
        try {
            if (closed || current == null || !current.isAlive() || current.engineEnded()) {
                return nothing.apply(false); // the next run starts a fresh JShell
            }
            return CompilerThreads.call(() -> question.apply(new CodeAnalysis(current.shell().sourceCodeAnalysis(), sources)),
                    ANALYSIS_LIMIT_MS);
        } catch (CompilerThreads.TooComplexException e) {
            CompilerThreads.logRefused(owner, "completion or docs");
            return nothing.apply(false);
        } catch (CompilerThreads.TooSlowException e) {
            CompilerThreads.logRefused(owner, "completion or docs too slow to compile");
            endedBecause = "completion kept the compiler busy past its time limit";
            current.kill(); // its JShell was stopped mid-compile: the next run starts a fresh kernel
            return nothing.apply(false);
        } catch (RuntimeException | Error e) {
            // JShell's analysis failed on odd input, or the kernel closed under us: no suggestions, the run is unaffected
            LOG.log(System.Logger.Level.WARNING, "kernel: code analysis failed", e);
            return nothing.apply(false);
        } finally {
            runLock.unlock();
        }
    }

    /** Who this kernel belongs to (a {@link Kernels} key), as its gateway tells the server; null for nobody. */
    public void owner(String key) {
        owner = key;
    }

    public String owner() {
        return owner;
    }

    /** The child JVM's process id, for measurements. */
    long pid() {
        return child.pid();
    }

    private void startChild() {
        ChildJvm fresh = ChildJvm.start(config, capture, () -> owner);
        child = fresh;
        endedBecause = null;
        List<String> snippets = config.startupSnippets();
        for (int i = 0; i < snippets.size(); i++) {
            RunResult result = evaluate(snippets.get(i), null, System.nanoTime(), STARTUP_LIMIT);
            if (result.status() != RunStatus.OK) {
                fresh.close();
                throw new KernelException("kernel: start-up snippet " + (i + 1) + " `" + snippets.get(i) + "` failed: "
                        + describe(result));
            }
        }
        prime();
    }

    /**
     * Evaluates {@link #PRIMER} (its value dropped, as every expression's is) before anyone uses the kernel: a
     * kernel's first expression sets up its compiler (this kernel's javac loads String and the like) and the child's
     * path for running snippets. Measured on a warm server, the welcome lesson's first cell then cost the server
     * 50-90 ms of CPU instead of 90-220, and took 61-83 ms instead of 98-141: work that a class starting together
     * pays for every student at once, moved to when the kernel starts, ahead of them. It declares nothing: the
     * student's first cell meets an empty kernel. Then it asks the child's heap, as every run does after it: the
     * child's first answer of that kind sets up its object stream (about 12 ms of the child's CPU, measured), which
     * the first cell, or an exercise check's code, paid for before.
     */
    private void prime() {
        evaluate(PRIMER, null, System.nanoTime(), STARTUP_LIMIT); // failing, it is only slower: the first cell pays
        child.heapMb(); // null, asking nothing, if the child has ended
    }

    private RunResult evaluate(String code, OutputListener listener, long started, Duration limit) {
        ChildJvm current = child;
        long number;
        synchronized (stopLock) {
            number = ++runNumber;
            running = true;
            stopReason = null;
            killed = false;
        }
        capture.begin(config.outputCapBytes(), (long) FLOOD_FACTOR * config.outputCapBytes(), listener,
                () -> stop(number, StopReason.FLOOD));
        ScheduledFuture<?> timer = watchdog.schedule(() -> stop(number, StopReason.TIMEOUT),
                limit.toMillis(), TimeUnit.MILLISECONDS);
        Outcome outcome = Outcome.NOTHING;
        Throwable internal = null;
        boolean tooComplex = false;
        boolean tooSlow = false;
        long compileLimit = limit.plus(KILL_GRACE).plus(COMPILE_SLACK).toMillis();
        try {
            outcome = CompilerThreads.call(() -> evaluateSnippets(current, code), compileLimit, config.background());
        } catch (CompilerThreads.TooComplexException e) {
            tooComplex = true;
            CompilerThreads.logRefused(owner, "a cell");
        } catch (CompilerThreads.TooSlowException e) {
            tooSlow = true; // its JShell was mid-compile when stopped: the next run starts a fresh kernel
            CompilerThreads.logRefused(owner, "a cell too slow to compile");
            endedBecause = "the compiler ran past the time limit on an earlier cell";
            current.kill();
        } catch (RuntimeException e) {
            internal = e; // JShell itself failed, or was closed under us
        } catch (Error e) { // javac crashed on this input (an AssertionError, say): the student's answer, the server's log
            internal = e;
            LOG.log(System.Logger.Level.WARNING, "kernel " + owner + ": the compiler failed on a cell", e);
        } finally {
            timer.cancel(false);
            synchronized (stopLock) {
                running = false;
            }
        }
        OutputCapture.Captured output = capture.end();
        StopReason reason;
        boolean wasKilled;
        synchronized (stopLock) {
            reason = stopReason;
            wasKilled = killed;
        }
        boolean died = !current.isAlive() || current.engineEnded();

        RunStatus status;
        List<String> message = new ArrayList<>();
        String killedNote = "It did not stop when asked, so its kernel was restarted; earlier definitions are gone.";
        if (tooSlow) {
            status = RunStatus.TIMEOUT;
            message.add(CompilerThreads.tooSlow(compileLimit));
            wasKilled = false;
        } else if (reason == StopReason.TIMEOUT) {
            status = RunStatus.TIMEOUT;
            message.add("Stopped after " + format(limit) + ": the cell ran longer than the time limit.");
        } else if (reason == StopReason.REQUEST) {
            status = RunStatus.ERROR;
            message.add("Stopped on request.");
        } else if (reason == StopReason.FLOOD) {
            status = RunStatus.ERROR;
            message.add("Stopped: the cell printed more than " + kib((long) FLOOD_FACTOR * config.outputCapBytes())
                    + "; only the first " + kib(config.outputCapBytes()) + " are kept.");
        } else if (closed) {
            status = RunStatus.DIED;
            message.add("The kernel was closed during this run (restart or shutdown).");
        } else if (died) {
            status = RunStatus.DIED;
            Integer exit = current.exitCode();
            String how = exit == null ? "ended" : "ended with exit code " + exit;
            message.add("The kernel " + how + " during this run (System.exit, Runtime.halt or a crash);"
                    + " the next run starts a fresh kernel without earlier definitions.");
            endedBecause = "the kernel " + how + " during an earlier run";
        } else if (tooComplex) {
            status = RunStatus.ERROR;
            message.add(CompilerThreads.TOO_COMPLEX);
        } else if (internal != null) {
            status = RunStatus.ERROR;
            message.add("JShell failed on this cell: " + internal);
        } else {
            status = outcome.diagnostics().isEmpty() && outcome.exception() == null ? RunStatus.OK : RunStatus.ERROR;
        }
        if (wasKilled) {
            message.add(killedNote);
            endedBecause = "the previous run was killed";
        }
        if (output.truncated() && reason != StopReason.FLOOD) {
            message.add("Output was cut at " + kib(config.outputCapBytes()) + ".");
        }
        return new RunResult(status, output.stdout(), output.stderr(), outcome.value(), outcome.diagnostics(),
                outcome.exception(), millisSince(started), output.truncated(), false,
                message.isEmpty() ? null : String.join(" ", message), output.displays(),
                outcome.value() == null ? null : output.valueDisplay(), -1, -1, outcome.notes());
    }

    private Outcome evaluateSnippets(ChildJvm current, String code) {
        Diagnostic tooLong = CompilerThreads.tooLongLiteral(code);
        if (tooLong != null) {
            return new Outcome(null, List.of(tooLong), null, List.of());
        }
        JShell shell = current.shell();
        Cell cell = new Cell(code, shell.sourceCodeAnalysis());
        Map<String, Integer> startLines = new HashMap<>(); // snippet id -> cell line where it starts
        List<Cell.Part> parts = cell.parts();
        List<String> notes = new ArrayList<>();
        String value = null;
        for (int i = 0; i < parts.size(); i++) {
            if (stopRequested() || !current.isAlive() || current.engineEnded()) {
                break;
            }
            Cell.Part part = parts.get(i);
            value = null;
            for (SnippetEvent event : shell.eval(part.source())) {
                if (event.causeSnippet() != null) { // what this snippet did to an earlier one
                    String note = Redefinitions.note(shell, event);
                    if (note != null && !notes.contains(note)) {
                        notes.add(note);
                    }
                    continue;
                }
                Snippet snippet = event.snippet();
                startLines.put(snippet.id(), cell.line(cell.codeStart(part)));
                if (event.status() == Snippet.Status.REJECTED) {
                    return new Outcome(null, diagnostics(shell, snippet, cell, part), null, notes);
                }
                if (event.exception() != null) {
                    Outcome threw = new Outcome(null, List.of(), exceptionInfo(shell, event.exception(), startLines),
                            notes);
                    forgetValue(shell, snippet);
                    return threw;
                }
                if (snippet instanceof DeclarationSnippet declaration
                        && event.status() == Snippet.Status.RECOVERABLE_DEFINED) {
                    notes.add(unresolvedNote(shell, declaration));
                }
                if (i == parts.size() - 1 && isExpression(snippet) && !isPrintStream(snippet)) {
                    value = event.value();
                }
                forgetValue(shell, snippet);
            }
        }
        return new Outcome(value, List.of(), null, notes);
    }

    /**
     * Drops the variable JShell declares for an expression's value ({@code $1}, {@code $2}, ...): the value was
     * shown, and nothing here names these variables to the student. Kept, every one of them is compiled into every
     * later snippet (JShell imports each active declaration into the next snippet's class): measured, {@code 1 + 1}
     * cost the server 28-31 ms of CPU in a kernel that had evaluated 400 expressions, 15 without them, and 40-90
     * ms after 1,000.
     */
    private static void forgetValue(JShell shell, Snippet snippet) {
        if (snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND && shell.status(snippet).isActive()) {
            shell.drop(snippet);
        }
    }

    private boolean stopRequested() {
        synchronized (stopLock) {
            return stopReason != null;
        }
    }

    /** {@code System.out.printf(...)} returns the stream; showing {@code java.io.PrintStream@1b6d3586} helps nobody. */
    private static boolean isPrintStream(Snippet snippet) {
        return snippet instanceof jdk.jshell.VarSnippet v
                && (v.typeName().equals("PrintStream") || v.typeName().equals("java.io.PrintStream"));
    }

    private static boolean isExpression(Snippet snippet) {
        return snippet.kind() == Snippet.Kind.EXPRESSION
                || snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
    }

    private static List<Diagnostic> diagnostics(JShell shell, Snippet snippet, Cell cell, Cell.Part part) {
        List<Diagnostic> found = shell.diagnostics(snippet)
                .filter(jdk.jshell.Diag::isError)
                .map(diag -> {
                    long position = diag.getPosition() >= 0 ? diag.getPosition() : diag.getStartPosition();
                    int at = cell.cellOffset(part, position);
                    return new Diagnostic(cell.line(at), cell.column(at), diag.getMessage(null));
                })
                .collect(Collectors.toList());
        if (found.isEmpty()) {
            int at = cell.cellOffset(part, 0);
            found.add(new Diagnostic(cell.line(at), cell.column(at), "JShell did not accept this code."));
        }
        return found;
    }

    private static ExceptionInfo exceptionInfo(JShell shell, JShellException exception, Map<String, Integer> startLines) {
        if (exception instanceof UnresolvedReferenceException unresolved) {
            DeclarationSnippet snippet = unresolved.getSnippet();
            String missing = shell.unresolvedDependencies(snippet).collect(Collectors.joining(", "));
            return new ExceptionInfo(UnresolvedReferenceException.class.getName(),
                    snippet.name() + " cannot be used until " + missing + " is declared",
                    studentFrames(exception, startLines));
        }
        List<String> trace = new ArrayList<>(studentFrames(exception, startLines));
        String type = exception instanceof EvalException eval ? eval.getExceptionClassName() : exception.getClass().getName();
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            String causeType = cause instanceof EvalException eval ? eval.getExceptionClassName() : cause.getClass().getName();
            trace.add("Caused by: " + causeType + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
            trace.addAll(studentFrames(cause, startLines));
        }
        return new ExceptionInfo(type, exception.getMessage(), trace);
    }

    /** Frames in snippet code only; JShell names their file "#<snippet id>" with lines counted in the snippet. */
    private static List<String> studentFrames(Throwable exception, Map<String, Integer> startLines) {
        List<String> frames = new ArrayList<>();
        for (StackTraceElement frame : exception.getStackTrace()) {
            String file = frame.getFileName();
            if (file == null || !file.startsWith("#")) {
                continue;
            }
            Integer start = startLines.get(file.substring(1));
            String where = start != null
                    ? "line " + (start + Math.max(frame.getLineNumber(), 1) - 1)
                    : "an earlier cell, its line " + frame.getLineNumber();
            String className = frame.getClassName();
            String simple = className.substring(className.lastIndexOf('.') + 1).replaceFirst("^\\$JShell\\$\\d+\\$?", "");
            String method = frame.getMethodName();
            String name = method.isEmpty() || method.equals("do_it$") ? simple
                    : simple.isEmpty() ? method : simple + "." + method;
            frames.add(name.isEmpty() ? "at " + where : "at " + name + " (" + where + ")");
        }
        return frames;
    }

    private static String unresolvedNote(JShell shell, DeclarationSnippet declaration) {
        String missing = shell.unresolvedDependencies(declaration).collect(Collectors.joining(", "));
        if (missing.isEmpty()) {
            return Redefinitions.name(declaration) + " is defined, but uses something not declared yet; it will work"
                    + " once that is declared.";
        }
        return declaration.name() + " is defined, but cannot be used until " + missing + " is declared.";
    }

    private void stop(long number, StopReason reason) {
        ChildJvm current;
        synchronized (stopLock) {
            if (!running || runNumber != number || stopReason != null) {
                return;
            }
            stopReason = reason;
            current = child;
        }
        current.requestStop();
        long askedAt = System.nanoTime();
        AtomicReference<ScheduledFuture<?>> again = new AtomicReference<>();
        try {
            // JShell's stop only reaches code that is executing: a stop that lands while the next snippet of the
            // cell is still compiling would miss it. So ask again until the run ends, and kill the child only once
            // its code has ignored the stop for KILL_GRACE: a cell whose compile outlasts the grace is not code that
            // ignores a stop (its compile has a limit of its own), and killing it lost the kernel's state for nothing.
            again.set(watchdog.scheduleAtFixedRate(() -> {
                synchronized (stopLock) {
                    if (!running || runNumber != number) {
                        cancel(again.get());
                        return;
                    }
                }
                long ranFor = current.runningFor();
                if (ranFor >= 0 && Math.min(ranFor, System.nanoTime() - askedAt) >= KILL_GRACE.toNanos()) {
                    cancel(again.get());
                    synchronized (stopLock) {
                        if (!running || runNumber != number) {
                            return;
                        }
                        killed = true;
                    }
                    current.kill();
                } else {
                    current.requestStop();
                }
            }, STOP_AGAIN.toMillis(), STOP_AGAIN.toMillis(), TimeUnit.MILLISECONDS));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            current.kill(); // closing
        }
    }

    private static void cancel(ScheduledFuture<?> task) {
        if (task != null) { // null only if it ran before it was handed back: it runs again 100 ms later
            task.cancel(false);
        }
    }

    private static String describe(RunResult result) {
        StringBuilder text = new StringBuilder(result.status().toString());
        result.diagnostics().forEach(d -> text.append("; ").append(d.line()).append(':').append(d.column())
                .append(' ').append(d.message()));
        if (result.exception() != null) {
            text.append("; ").append(result.exception().type()).append(": ").append(result.exception().message());
        }
        if (result.message() != null) {
            text.append("; ").append(result.message());
        }
        return text.toString();
    }

    private static String format(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private static String kib(long bytes) {
        return bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
    }

    private static long millisSince(long nanoTime) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
    }
}
