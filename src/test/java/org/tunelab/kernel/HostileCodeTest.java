package org.tunelab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Issue 7: student code cannot hurt the server or other students. Each test is one attack by "mallory", run in
 * a sandboxed kernel the way the web app runs it ({@link Kernels}); it asserts that the attack is stopped or
 * refused with a clear message, and afterwards that mallory's next run works and that "bob", another student,
 * still has his kernel and its state.
 *
 * <p>Needs the sandbox (Linux, root, bubblewrap): without it these tests are skipped with a message, except under
 * CI, where {@code .ci/run} installs bubblewrap and its absence is a failure.
 */
class HostileCodeTest {
    private static final String BOB = "bob/lesson/01-prompts";
    private static Kernels kernels;
    private String mallory;

    @BeforeAll
    static void startSandboxedKernels() {
        Sandbox sandbox = Sandbox.detect();
        if (!sandbox.available()) {
            String message = "Hostile-code tests need the kernel sandbox (Linux, root, apt-get install bubblewrap): "
                    + sandbox.reason();
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(message + " (CI must install it: see .ci/run)");
            }
            System.err.println("SKIPPED: " + message);
            Assumptions.abort(message);
        }
        kernels = new Kernels(KernelConfig.defaults()
                .withSandbox(sandbox)
                .withRunTimeout(Duration.ofSeconds(3))
                .withOutputCapBytes(16 * 1024)
                .withPoolSize(2));
        RunResult setup = kernels.run(BOB, "int saved = 42;");
        assertEquals(RunStatus.OK, setup.status(), setup.toString());
    }

    @AfterAll
    static void closeKernels() {
        if (kernels != null) {
            kernels.close();
        }
    }

    @org.junit.jupiter.api.BeforeEach
    void name(TestInfo test) {
        mallory = "mallory-" + test.getTestMethod().orElseThrow().getName() + "/lesson/01-prompts";
    }

    /** After every attack: mallory's kernel answers again, and bob's kernel kept its state. */
    @AfterEach
    void everyoneCanStillRun() {
        RunResult next = kernels.run(mallory, "1 + 1");
        assertEquals(RunStatus.OK, next.status(), "the attacker's next run works: " + next);
        assertEquals("2", next.value());
        RunResult other = kernels.run(BOB, "saved + 1");
        assertEquals(RunStatus.OK, other.status(), "another student's run works: " + other);
        assertEquals("43", other.value(), "another student's kernel kept its state");
        kernels.restart(mallory);
    }

    private RunResult attack(String code) {
        return kernels.run(mallory, code);
    }

    private static void assertThrew(RunResult result, String type, String messagePart) {
        assertEquals(RunStatus.ERROR, result.status(), result.toString());
        assertNotNull(result.exception(), result.toString());
        assertEquals(type, result.exception().type(), result.toString());
        String message = String.valueOf(result.exception().message());
        assertTrue(message.contains(messagePart), "'" + messagePart + "' in " + result);
    }

    // ---- time and CPU

    @Test
    void infiniteLoop() {
        RunResult result = attack("while (true) { }");
        assertEquals(RunStatus.TIMEOUT, result.status(), result.toString());
        assertTrue(result.message().contains("ran longer than the time limit"), result.message());
    }

    @Test
    void loopCatchingThrowable() {
        RunResult result = attack("while (true) { try { while (true) { } } catch (Throwable t) { } }");
        assertEquals(RunStatus.TIMEOUT, result.status(), result.toString());
        assertTrue(result.message().contains("did not stop when asked, so its kernel was restarted"), result.message());
    }

    @Test
    void backgroundThreadSpinningAfterTheCellEnds() throws InterruptedException {
        RunResult started = attack("""
                Thread t = new Thread(() -> { while (true) { try { } catch (Throwable e) { } } });
                t.setDaemon(true);
                t.start();
                "spinning"
                """);
        assertEquals(RunStatus.OK, started.status(), started.toString());
        // The idle CPU check closes the kernel after 3 busy seconds in a row.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (kernels.size() > 1 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(1, kernels.size(), "only bob's kernel is left: mallory's spinning kernel was closed");
        RunResult next = attack("t");
        assertTrue(next.stateLost(), next.toString());
        assertTrue(next.message().contains("a thread your code started kept using the CPU after its cell ended"),
                next.message());
    }

    // ---- the kernel's own life

    @Test
    void systemExit() {
        RunResult result = attack("System.exit(0);");
        assertEquals(RunStatus.DIED, result.status(), result.toString());
        assertTrue(result.message().contains("ended with exit code 0 during this run"), result.message());
    }

    @Test
    void runtimeHalt() {
        RunResult result = attack("Runtime.getRuntime().halt(7);");
        assertEquals(RunStatus.DIED, result.status(), result.toString());
        assertTrue(result.message().contains("exit code 7"), result.message());
    }

    @Test
    void reflectionIntoTheAgentAndItsPipe() {
        // java.base is not opened to snippets: no reaching into the JVM's internals.
        assertThrew(attack("""
                var field = FileDescriptor.class.getDeclaredField("fd");
                field.setAccessible(true);
                """), "java.lang.reflect.InaccessibleObjectException", "does not \"opens java.io\"");
        // The agent's pipe to the server is reachable; writing to it only breaks this student's own kernel.
        RunResult result = attack("""
                var pipe = new FileOutputStream(FileDescriptor.out);
                pipe.write(new byte[] {0x13, 0x37, 'o', 'w', 'n', 'e', 'd'});
                pipe.flush();
                while (true) { try { Thread.sleep(100); } catch (Throwable t) { } }
                """);
        assertTrue(result.status() == RunStatus.TIMEOUT || result.status() == RunStatus.DIED, result.toString());
        assertNotNull(result.message(), result.toString());
    }

    // ---- threads, memory, output, stack

    @Test
    void threadBomb() {
        RunResult result = attack("""
                for (int i = 0; i < 100_000; i++) {
                    new Thread(() -> { try { Thread.sleep(Long.MAX_VALUE); } catch (Throwable t) { } }).start();
                }
                """);
        assertThrew(result, "java.lang.OutOfMemoryError", "unable to create native thread");
        assertTrue(result.message().contains("ran out of memory or threads"), result.message());
    }

    @Test
    void heapBomb() {
        RunResult result = attack("List<long[]> hoard = new ArrayList<>(); while (true) hoard.add(new long[1 << 20]);");
        assertThrew(result, "java.lang.OutOfMemoryError", "Java heap space");
        assertTrue(result.message().contains("the next run starts a fresh one"), result.message());
    }

    @Test
    void nativeMemoryBomb() {
        RunResult result = attack("""
                var field = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
                field.setAccessible(true);
                var unsafe = (sun.misc.Unsafe) field.get(null);
                while (true) unsafe.allocateMemory(64 << 20);
                """);
        assertThrew(result, "java.lang.OutOfMemoryError", "Unable to allocate");
    }

    @Test
    void hugeOutput() {
        RunResult result = attack("while (true) System.out.print(\"x\".repeat(1000));");
        assertEquals(RunStatus.ERROR, result.status(), result.toString());
        assertTrue(result.message().contains("the cell printed more than"), result.message());
        assertTrue(result.truncated());
        assertEquals(16 * 1024, result.stdout().length(), "only the cap is kept");
    }

    @Test
    void deepRecursion() {
        assertThrew(attack("int down(int n) { return down(n + 1) + 1; }\ndown(0)"), "java.lang.StackOverflowError", "");
    }

    // ---- files

    @Test
    void readingSystemFiles() {
        assertThrew(attack("Files.readString(Path.of(\"/etc/passwd\"))"), "java.nio.file.NoSuchFileException", "/etc/passwd");
        assertThrew(attack("Files.readString(Path.of(\"/etc/shadow\"))"), "java.nio.file.NoSuchFileException", "/etc/shadow");
        assertThrew(attack("Files.list(Path.of(\"/home\")).toList()"), "java.nio.file.NoSuchFileException", "/home");
    }

    @Test
    void readingTheServersFilesAndOtherStudentsData() throws IOException {
        Path pom = Path.of("pom.xml").toAbsolutePath();
        assertTrue(Files.exists(pom));
        assertThrew(attack("Files.readString(Path.of(\"" + pom + "\"))"), "java.nio.file.NoSuchFileException", "pom.xml");
        Path database = Path.of("target", "hostile-data", "tunelab.db").toAbsolutePath();
        Files.createDirectories(database.getParent());
        Files.writeString(database, "bob's progress");
        assertThrew(attack("Files.readString(Path.of(\"" + database + "\"))"), "java.nio.file.NoSuchFileException",
                "tunelab.db");
        // Other kernels' private /tmp is not this kernel's /tmp.
        assertEquals(RunStatus.OK, kernels.run(BOB, "Files.writeString(Path.of(\"/tmp/bob.txt\"), \"secret\");").status());
        assertThrew(attack("Files.readString(Path.of(\"/tmp/bob.txt\"))"), "java.nio.file.NoSuchFileException", "bob.txt");
        // Other processes, the server's included, are out of sight: a kernel sees only its own.
        RunResult processes = attack("ProcessHandle.allProcesses().count()");
        assertEquals(RunStatus.OK, processes.status(), processes.toString());
        assertTrue(Long.parseLong(processes.value()) <= 3, "bwrap, its init and the JVM: " + processes.value());
    }

    @Test
    void writingOutsideTmp() {
        Path classes = Path.of("target", "classes").toAbsolutePath();
        assertThrew(attack("Files.writeString(Path.of(\"" + classes + "/Evil.class\"), \"x\")"),
                "java.nio.file.FileSystemException", "Read-only file system");
        assertThrew(attack("Files.writeString(Path.of(\"/usr/lib/evil.so\"), \"x\")"),
                "java.nio.file.FileSystemException", "Read-only file system");
        assertThrew(attack("Files.writeString(Path.of(\"/dev/shm/evil\"), \"x\")"),
                "java.nio.file.FileSystemException", "Read-only file system");
        assertThrew(attack("Files.writeString(Path.of(\"/evil\"), \"x\")"),
                "java.nio.file.AccessDeniedException", "/evil");
        assertTrue(Files.notExists(classes.resolve("Evil.class")));
        // /tmp is writable, but small and private.
        assertEquals(RunStatus.OK, attack("Files.writeString(Path.of(\"/tmp/notes.txt\"), \"fine\");").status());
        assertThrew(attack("Files.write(Path.of(\"/tmp/fill\"), new byte[32 << 20]);"),
                "java.io.IOException", "No space left on device");
    }

    // ---- network, processes, environment

    @Test
    void socketsToTheServersLoopback() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            RunResult result = attack("new java.net.Socket(\"127.0.0.1\", " + server.getLocalPort() + ")");
            assertThrew(result, "java.net.ConnectException", "Connection refused");
            server.setSoTimeout(300);
            assertThrows(SocketTimeoutException.class, server::accept, "nothing reached the server's port");
        }
    }

    @Test
    void socketsToOtherAddresses() {
        assertThrew(attack("new java.net.Socket(\"1.1.1.1\", 80)"), "java.net.SocketException", "Network is unreachable");
        assertThrew(attack("java.net.InetAddress.getByName(\"example.com\")"), "java.net.UnknownHostException",
                "example.com");
    }

    @Test
    void startingAProcess() {
        RunResult shell = attack("new ProcessBuilder(\"/bin/sh\", \"-c\", \"id\").start()");
        assertThrew(shell, "java.io.IOException", "Cannot run program \"/bin/sh\"");
        assertTrue(shell.exception().trace().toString().contains("No such file or directory"), shell.toString());
        assertThrew(attack("new ProcessBuilder(\"/usr/bin/curl\", \"http://example.com\").start()"),
                "java.io.IOException", "Cannot run program");
    }

    @Test
    void readingEnvironmentVariables() {
        RunResult result = attack("new TreeMap<>(System.getenv()).toString()");
        assertEquals(RunStatus.OK, result.status(), result.toString());
        assertEquals("\"{HOME=/tmp, LANG=C.UTF-8, MALLOC_ARENA_MAX=2, PWD=/tmp}\"", result.value(),
                "only the sandbox's own variables, none of the server's");
        assertNull(System.getenv("MALLOC_ARENA_MAX"), "the value above is not the server's environment");
    }

    @Test
    void runsAsAnUnprivilegedUserOfItsOwn() {
        RunResult result = attack("Files.readAllLines(Path.of(\"/proc/self/status\")).stream()"
                + ".filter(l -> l.startsWith(\"Uid:\") || l.startsWith(\"CapEff:\") || l.startsWith(\"CapBnd:\")"
                + " || l.startsWith(\"NoNewPrivs:\")).map(l -> l.replaceAll(\"\\\\s+\", \" \")).toList()");
        assertEquals(RunStatus.OK, result.status(), result.toString());
        List<String> lines = List.of(result.value().replaceAll("[\\[\\]]", "").split(", "));
        int uid = Integer.parseInt(lines.get(0).split(" ")[1]);
        assertTrue(uid >= Sandbox.FIRST_UID, "not root and not a real user: " + lines);
        assertTrue(lines.contains("CapEff: 0000000000000000"), lines.toString());
        assertTrue(lines.contains("CapBnd: 0000000000000000"), lines.toString());
        assertTrue(lines.contains("NoNewPrivs: 1"), lines.toString());
    }

    // ---- the server's compiler (student code is compiled in the server's JVM; only its execution is sandboxed)

    /** Runs an attack while another student runs {@code 1 + 1}; returns the attack's result, checks the other's. */
    private RunResult attackBesideAnotherStudent(String code) throws Exception {
        java.util.concurrent.CompletableFuture<RunResult> attack =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> kernels.run(mallory, code));
        Thread.sleep(100); // the attack is compiling
        long started = System.nanoTime();
        RunResult other = kernels.run(BOB, "1 + 1");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals("2", other.value(), other.toString());
        assertTrue(millis < 1000, "another student's 1 + 1 took " + millis + " ms during the attack");
        RunResult result = attack.get();
        System.err.println("compile attack: " + result.status() + " in " + result.elapsedMs() + " ms; another student's 1 + 1 meanwhile: "
                + millis + " ms");
        return result;
    }

    private static void assertTooComplex(RunResult result) {
        assertEquals(RunStatus.ERROR, result.status(), result.toString());
        assertTrue(result.message().contains("nested too deeply or has too long an expression"), result.message());
    }

    @Test
    void deeplyNestedParenthesesAreAStudentErrorNotAServerOne() throws Exception {
        assertTooComplex(attackBesideAnotherStudent("int x = " + "(".repeat(100_000) + "1" + ")".repeat(100_000) + ";"));
    }

    @Test
    void aHugeExpressionIsAStudentError() throws Exception {
        assertTooComplex(attackBesideAnotherStudent("int y = 1" + " + 1".repeat(50_000) + ";"));
    }

    @Test
    void deepNestingInCompletionAndDocsAnswersNothing() {
        String deep = "int x = " + "(".repeat(100_000) + "Math.ab";
        assertTrue(kernels.complete(mallory, deep, deep.length()).suggestions().isEmpty());
        kernels.documentation(mallory, deep, deep.length()); // answers (nothing) instead of throwing
    }

    @Test
    void manyDeclarationsInOneCellEndWithinTheTimeLimit() throws Exception {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            code.append("int v").append(i).append(" = ").append(i).append(";\n");
        }
        RunResult result = attackBesideAnotherStudent(code.toString());
        assertTrue(result.status() == RunStatus.TIMEOUT || result.status() == RunStatus.OK, result.toString());
    }

    @Test
    void deeplyNestedGenericsAreAStudentError() throws Exception {
        String type = "java.util.List<".repeat(20_000) + "String" + ">".repeat(20_000);
        assertTooComplex(attackBesideAnotherStudent(type + " g = null;"));
    }

    @Test
    void deeplyNestedLambdasAreAStudentError() throws Exception {
        String lambdas = "java.util.function.Supplier<Object> f = "
                + "() -> (java.util.function.Supplier<Object>) ".repeat(8000) + "() -> 1;";
        assertTooComplex(attackBesideAnotherStudent(lambdas)); // 2,000 overflow cold, but may compile once javac is hot
    }

    @Test
    void overloadsWithNestedLambdasAreStoppedAtTheTimeLimit() throws Exception {
        kernels.run(mallory, "boolean m(java.util.function.IntPredicate f) { return true; }\n"
                + "boolean m(java.util.function.Predicate<String> f) { return true; }");
        StringBuilder cell = new StringBuilder("void r() { ");
        for (int i = 0; i < 14; i++) {
            cell.append("m(x").append(i).append(" -> { ");
        }
        cell.append("return true;");
        cell.append(" return true; });".repeat(14)).append(" }");
        // javac tries every overload at every level: 10 levels took 12 s, 14 would take many minutes
        RunResult result = attackBesideAnotherStudent(cell.toString());
        assertEquals(RunStatus.TIMEOUT, result.status(), result.toString());
        assertTrue(result.message().contains("still working on this cell"), result.message());
        assertTrue(result.elapsedMs() < 10_000, "stopped soon after the 3 s limit: " + result.elapsedMs() + " ms");
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long before = compilerCpuNanos(threads);
        Thread.sleep(1000);
        long busy = compilerCpuNanos(threads) - before;
        assertTrue(busy < 300_000_000L, "the compiler threads are idle after the stop, used " + busy / 1_000_000 + " ms of CPU");
    }

    private static long compilerCpuNanos(java.lang.management.ThreadMXBean threads) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("kernel-compiler-"))
                .mapToLong(t -> Math.max(0, threads.getThreadCpuTime(t.getId())))
                .sum();
    }

    @Test
    void aStringConstantTooLongForAClassFileIsRefusedAtItsLine() throws Exception {
        RunResult result = attackBesideAnotherStudent("int n = 1;\nString s = \"" + "x".repeat(70_000) + "\"; s.length()");
        assertEquals(RunStatus.ERROR, result.status(), result.toString());
        assertEquals(2, result.diagnostics().get(0).line(), result.toString());
        assertTrue(result.diagnostics().get(0).message().contains("65,535 bytes"), result.toString());
        assertEquals("60000", attack("String t = \"x\".repeat(60_000); t.length()").value(), "a long string built at run time is fine");
        assertEquals("\"ok\"", attack("\"ok\"").value(), "later values still come back");
    }

    @Test
    void anAnnotationWithHugeArgumentsCompiles() throws Exception {
        RunResult result = attackBesideAnotherStudent("@SuppressWarnings({" + "\"a\", ".repeat(30_000) + "\"a\"}) int z = 1;");
        assertEquals(RunStatus.OK, result.status(), result.toString());
    }

    @Test
    void refusedCellsLogOneLineWithoutATrace() throws Exception {
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(CompilerThreads.class.getName());
        List<java.util.logging.LogRecord> records = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override public void publish(java.util.logging.LogRecord r) { records.add(r); }
            @Override public void flush() { }
            @Override public void close() { }
        };
        log.addHandler(handler);
        CompilerThreads.resetLogLimit();
        try {
            for (int i = 0; i < 5; i++) {
                assertTooComplex(attack("int y = 1" + " + 1".repeat(50_000) + ";"));
            }
        } finally {
            log.removeHandler(handler);
        }
        assertEquals(1, records.size(), "one line for five refusals in 10 s");
        records.forEach(r -> {
            assertNull(r.getThrown(), "no stack trace for an expected refusal");
            assertTrue(r.getMessage().contains(mallory), "names the kernel (student and lesson): " + r.getMessage());
        });
    }

    @Test
    void aKernelRestartedFromAThreadThatEndsLivesOn() throws Exception {
        attack("System.exit(0);"); // the next run starts a fresh child, from whichever thread asks
        Thread starter = new Thread(() -> kernels.run(mallory, "int kept = 7;"), "short-lived");
        starter.start();
        starter.join();
        Thread.sleep(1000); // bwrap --die-with-parent signals when the thread that started the child ends
        RunResult after = attack("kept");
        assertEquals(RunStatus.OK, after.status(), after.toString());
        assertEquals("7", after.value(), "the kernel outlived the thread that started it: " + after);
    }
}
