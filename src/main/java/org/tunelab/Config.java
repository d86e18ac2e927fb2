package org.tunelab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.tunelab.kernel.Fairness;
import org.tunelab.kernel.KernelClassPath;
import org.tunelab.kernel.KernelConfig;
import org.tunelab.play.LlmSettings;

/**
 * Everything TuneLab reads from flags and the environment, read once at start-up and passed down.
 * A flag wins over its environment variable, which wins over the default.
 *
 * @param host        address to listen on ({@code --host}; loopback by default)
 * @param port        {@code --port} or {@code PORT}; 7070
 * @param courseDir   directory holding {@code lessons/} and {@code exercises/} ({@code --course} or
 *                    {@code TUNELAB_COURSE}; the working directory)
 * @param dataDir     {@code --data} or {@code TUNELAB_DATA}; {@code ./data}
 * @param dbUrl       {@code TUNELAB_DB_URL}: a JDBC URL, e.g. PostgreSQL; empty means SQLite in dataDir
 * @param dbUser      {@code TUNELAB_DB_USER}
 * @param dbPassword  {@code TUNELAB_DB_PASSWORD}
 * @param runTimeout  {@code --run-timeout} seconds or {@code TUNELAB_RUN_TIMEOUT}; 30 s (a cell that fine-tunes Tiny takes a few seconds on a busy server)
 * @param checkTimeout {@code TUNELAB_CHECK_TIMEOUT} seconds: limit of each exercise check; 15 s
 * @param idleTimeout {@code TUNELAB_IDLE_MINUTES}; kernels idle this long are closed; 30 min
 * @param poolSize    {@code TUNELAB_POOL}; pre-started kernels; 2
 * @param llm         the real LLM cells reach as {@code Models.remote()} ({@code TUNELAB_LLM_URL}, see
 *                    {@link LlmSettings#from}); null when none is configured
 * @param llmPerMinute {@code TUNELAB_LLM_RATE}: remote model requests one student may make per minute; 20
 * @param trainingSlots {@code TUNELAB_TRAINING_SLOTS}: fine-tuning jobs that train at once, server-wide; half the
 *                    cores, at least 1
 * @param runsAtOnce {@code TUNELAB_RUNS_AT_ONCE}: cells (and exercise checks) that execute at once, server-wide;
 *                    others wait in a queue; 4 per core (measured: 50 students on 2 cores, warm {@code 1 + 1}
 *                    p95 6.6 s with 2 at once, 2.9 s with 8: the OS shares the cores, and a short run no longer
 *                    waits behind long ones)
 * @param unsafeNoSandbox {@code --unsafe-no-sandbox}: serve addresses other than loopback even when student
 *                    code cannot be sandboxed (see {@code Server})
 * @param instructorKey {@code TUNELAB_INSTRUCTOR_KEY}: the key that signs a new instructor in at {@code /instructor};
 *                    empty (the default) turns instructor access off
 * @param modelsDir   {@code TUNELAB_MODELS_DIR}: where students' saved fine-tuned models are kept; {@code dataDir/models}
 *                    by default. Instances that share a database must share this folder too (see docs/ARCHITECTURE.md)
 * @param warmup      {@code TUNELAB_WARMUP}: kernels the server starts and closes in the background at start-up, to
 *                    warm its Java compiler before students come ({@link org.tunelab.kernel.Warmup}); 12; 0 for none
 * @param classArchive {@code TUNELAB_CLASS_ARCHIVE}: {@code on} (the default) has kernels map a class data archive
 *                    made at start-up ({@link org.tunelab.kernel.ClassArchive}); {@code off} for none
 */
public record Config(String host, int port, Path courseDir, Path dataDir, String dbUrl, String dbUser,
                     String dbPassword, Duration runTimeout, Duration checkTimeout, Duration idleTimeout, int poolSize,
                     LlmSettings llm, int llmPerMinute, int trainingSlots, int runsAtOnce, boolean unsafeNoSandbox,
                     String instructorKey, Path modelsDir, int warmup, boolean classArchive) {

    /** The shortest instructor key accepted: a key is the only thing between the internet and a class's data. */
    public static final int MIN_INSTRUCTOR_KEY = 12;

    public Config {
        if (instructorKey != null && !instructorKey.isEmpty() && instructorKey.strip().length() < MIN_INSTRUCTOR_KEY) {
            throw new IllegalArgumentException("TUNELAB_INSTRUCTOR_KEY must be at least " + MIN_INSTRUCTOR_KEY
                    + " characters (it lets anyone who knows it create an instructor and a class)");
        }
        instructorKey = instructorKey == null ? "" : instructorKey.strip();
        modelsDir = modelsDir != null ? modelsDir : dataDir.resolve("models");
    }

    /** What every course kernel starts with: the JShell tool's imports and the play API. */
    public static final List<String> KERNEL_IMPORTS = Stream.concat(KernelConfig.DEFAULT_IMPORTS.stream(),
            Stream.of("import org.tunelab.play.*;")).toList();

    /**
     * What kernels' class path holds (prefixes of class and resource names): the play API, Tiny and its weights,
     * the libraries they use (Lucene for retrieval, with its service files), and JUnit's assertions for exercise
     * checks. The server's other classes stay out of students' reach and out of every kernel's compiler (see
     * {@link KernelClassPath}).
     */
    public static final List<String> KERNEL_CLASSES = List.of("org/tunelab/play/", "org/tunelab/lm/", "tiny/",
            "com/fasterxml/jackson/", "com/knuddels/jtokkit/", "org/apache/lucene/", "META-INF/services/org.apache.lucene.",
            "org/junit/jupiter/api/", "org/junit/platform/commons/", "org/opentest4j/", "org/apiguardian/");

    /**
     * What the JVM that makes the kernels' class data archive runs ({@link org.tunelab.kernel.ClassArchive}): what
     * lessons and checks load most, so that those classes are shared by every kernel. A cell that fails only
     * shares less (the server logs it).
     */
    public static final List<String> CLASS_ARCHIVE_CELLS = List.of(
            org.tunelab.kernel.Warmup.CELL,
            "Model tiny = Models.tiny();\n"
                    + "tiny.complete(Prompt.of(\"Is this review positive or negative?\").input(\"The tent arrived damaged.\"))",
            "Tokens.show(\"The kettle works perfectly.\")",
            "Table.of(\"text\", \"tokens\").row(\"hello world\", Tokens.tiny().count(\"hello world\"))",
            "import static org.junit.jupiter.api.Assertions.*;",
            "assertEquals(2, 1 + 1, \"sum\"); assertTrue(List.of(1).contains(1), \"contains\");");

    /**
     * {@link #kernelConfig()} with its class path cut down to {@link #KERNEL_CLASSES}, in a jar written once to
     * {@code dataDir/kernel}.
     *
     * @throws UncheckedIOException if that jar cannot be written
     */
    public KernelConfig courseKernelConfig() {
        try {
            Path jar = KernelClassPath.build(System.getProperty("java.class.path"), KERNEL_CLASSES, dataDir.resolve("kernel"));
            return kernelConfig().withClassPath(jar.toAbsolutePath().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the kernels' class path under " + dataDir.resolve("kernel")
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * How course kernels start: this config's limits, the play API imported, and the Vector API module that
     * makes Tiny several times faster.
     */
    public KernelConfig kernelConfig() {
        return KernelConfig.defaults()
                .withRunTimeout(runTimeout)
                .withIdleTimeout(idleTimeout)
                .withPoolSize(poolSize)
                .withExtraJvmArgs(List.of("--add-modules", "jdk.incubator.vector"))
                .withStartupSnippets(KERNEL_IMPORTS);
    }

    /** Parses {@code --name value} / {@code --name=value} flags over the given environment. */
    public static Config from(String[] args, Map<String, String> env) {
        Map<String, String> flags = flags(args);
        String port = flags.getOrDefault("port", env.getOrDefault("PORT", "7070"));
        return new Config(
                flags.getOrDefault("host", env.getOrDefault("TUNELAB_HOST", "127.0.0.1")),
                parseInt("port", port),
                Path.of(flags.getOrDefault("course", env.getOrDefault("TUNELAB_COURSE", "."))),
                Path.of(flags.getOrDefault("data", env.getOrDefault("TUNELAB_DATA", "data"))),
                env.getOrDefault("TUNELAB_DB_URL", ""),
                env.getOrDefault("TUNELAB_DB_USER", ""),
                env.getOrDefault("TUNELAB_DB_PASSWORD", ""),
                Duration.ofSeconds(parseInt("run-timeout",
                        flags.getOrDefault("run-timeout", env.getOrDefault("TUNELAB_RUN_TIMEOUT", "30")))),
                Duration.ofSeconds(parseInt("TUNELAB_CHECK_TIMEOUT", env.getOrDefault("TUNELAB_CHECK_TIMEOUT", "15"))),
                Duration.ofMinutes(parseInt("TUNELAB_IDLE_MINUTES", env.getOrDefault("TUNELAB_IDLE_MINUTES", "30"))),
                parseInt("TUNELAB_POOL", env.getOrDefault("TUNELAB_POOL", "2")),
                LlmSettings.from(env).orElse(null),
                parseInt("TUNELAB_LLM_RATE", env.getOrDefault("TUNELAB_LLM_RATE", "20")),
                parseInt("TUNELAB_TRAINING_SLOTS", env.getOrDefault("TUNELAB_TRAINING_SLOTS",
                        String.valueOf(Math.max(1, Runtime.getRuntime().availableProcessors() / 2)))),
                parseInt("TUNELAB_RUNS_AT_ONCE", env.getOrDefault("TUNELAB_RUNS_AT_ONCE",
                        String.valueOf(4 * Runtime.getRuntime().availableProcessors()))),
                flag(flags, "unsafe-no-sandbox"),
                env.getOrDefault("TUNELAB_INSTRUCTOR_KEY", ""),
                env.containsKey("TUNELAB_MODELS_DIR") ? Path.of(env.get("TUNELAB_MODELS_DIR")) : null,
                parseInt("TUNELAB_WARMUP", env.getOrDefault("TUNELAB_WARMUP", "12")),
                onOff("TUNELAB_CLASS_ARCHIVE", env.getOrDefault("TUNELAB_CLASS_ARCHIVE", "on")));
    }

    /** Defaults for tests: a given course and data directory, port 0 (any free port). */
    public static Config forTest(Path courseDir, Path dataDir) {
        return new Config("127.0.0.1", 0, courseDir, dataDir, "", "", "", Duration.ofSeconds(10),
                Duration.ofSeconds(5), Duration.ofMinutes(30), 1,
                null, 20, 1, Runtime.getRuntime().availableProcessors(), false, "", null, 0, false);
    }

    public Config withRunTimeout(Duration timeout) {
        return new Config(host, port, courseDir, dataDir, dbUrl, dbUser, dbPassword, timeout, checkTimeout, idleTimeout,
                poolSize, llm, llmPerMinute, trainingSlots, runsAtOnce, unsafeNoSandbox, instructorKey, modelsDir, warmup, classArchive);
    }

    /** This config with a remote LLM (for tests against a loopback server). */
    public Config withLlm(LlmSettings settings, int perMinute) {
        return new Config(host, port, courseDir, dataDir, dbUrl, dbUser, dbPassword, runTimeout, checkTimeout,
                idleTimeout, poolSize, settings, perMinute, trainingSlots, runsAtOnce, unsafeNoSandbox, instructorKey, modelsDir, warmup, classArchive);
    }

    /** This config with another limit on runs at once (for the load command and tests). */
    public Config withRunsAtOnce(int value) {
        return new Config(host, port, courseDir, dataDir, dbUrl, dbUser, dbPassword, runTimeout, checkTimeout,
                idleTimeout, poolSize, llm, llmPerMinute, trainingSlots, value, unsafeNoSandbox, instructorKey, modelsDir, warmup, classArchive);
    }

    /** How student code shares the server: {@link #runsAtOnce} and the per-student limits of {@link Fairness}. */
    public Fairness fairness() {
        Fairness d = Fairness.defaults();
        return new Fairness(runsAtOnce, d.maxQueueWait(), d.kernelsPerStudent(), d.runsPerMinute());
    }

    /** This config with instructor access on (for tests). */
    public Config withInstructorKey(String key) {
        return new Config(host, port, courseDir, dataDir, dbUrl, dbUser, dbPassword, runTimeout, checkTimeout,
                idleTimeout, poolSize, llm, llmPerMinute, trainingSlots, runsAtOnce, unsafeNoSandbox, key, modelsDir, warmup, classArchive);
    }

    /** This config with students' models kept in another folder (instances sharing one database share it). */
    public Config withModelsDir(Path dir) {
        return new Config(host, port, courseDir, dataDir, dbUrl, dbUser, dbPassword, runTimeout, checkTimeout,
                idleTimeout, poolSize, llm, llmPerMinute, trainingSlots, runsAtOnce, unsafeNoSandbox, instructorKey, dir, warmup, classArchive);
    }

    /** This config on another database (a JDBC URL; empty for SQLite under the data folder). */
    public Config withDatabase(String url, String user, String password) {
        return new Config(host, port, courseDir, dataDir, url, user, password, runTimeout, checkTimeout,
                idleTimeout, poolSize, llm, llmPerMinute, trainingSlots, runsAtOnce, unsafeNoSandbox, instructorKey,
                modelsDir, warmup, classArchive);
    }

    /** This config warming the compiler with {@code kernels} kernels at start-up (the load command's choice). */
    public Config withWarmup(int kernels) {
        return new Config(host, port, courseDir, dataDir, dbUrl, dbUser, dbPassword, runTimeout, checkTimeout,
                idleTimeout, poolSize, llm, llmPerMinute, trainingSlots, runsAtOnce, unsafeNoSandbox, instructorKey,
                modelsDir, kernels, classArchive);
    }

    public Config withHost(String value, boolean unsafe) {
        return new Config(value, port, courseDir, dataDir, dbUrl, dbUser, dbPassword, runTimeout, checkTimeout, idleTimeout,
                poolSize, llm, llmPerMinute, trainingSlots, runsAtOnce, unsafe, instructorKey, modelsDir, warmup, classArchive);
    }

    /** This config with the kernels' class data archive on or off (for tests and the load command). */
    public Config withClassArchive(boolean value) {
        return new Config(host, port, courseDir, dataDir, dbUrl, dbUser, dbPassword, runTimeout, checkTimeout, idleTimeout,
                poolSize, llm, llmPerMinute, trainingSlots, runsAtOnce, unsafeNoSandbox, instructorKey, modelsDir, warmup, value);
    }

    private static boolean onOff(String name, String value) {
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "on", "true", "1" -> true;
            case "off", "false", "0" -> false;
            default -> throw new IllegalArgumentException(name + " must be on or off, not '" + value + "'");
        };
    }

    private static boolean flag(Map<String, String> flags, String name) {
        String value = flags.getOrDefault(name, "false");
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("--" + name + " takes no value (or =true/=false), not '" + value + "'");
        }
        return value.equals("true");
    }

    private static Map<String, String> flags(String[] args) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + a + "' (flags look like --port 8080)");
            }
            int eq = a.indexOf('=');
            if (eq > 0) {
                flags.put(a.substring(2, eq), a.substring(eq + 1));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                flags.put(a.substring(2), args[++i]);
            } else {
                flags.put(a.substring(2), "true");
            }
        }
        return flags;
    }

    private static int parseInt(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
        }
    }
}
