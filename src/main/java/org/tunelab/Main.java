package org.tunelab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.tunelab.course.Course;
import org.tunelab.course.CourseLoader;
import org.tunelab.course.Problem;
import org.tunelab.grading.Grader;
import org.tunelab.grading.Validator;
import org.tunelab.kernel.KernelConfig;
import org.tunelab.kernel.KernelPool;
import org.tunelab.web.Server;

/**
 * The command line: {@code serve} (the default) and {@code validate}.
 *
 * <pre>
 *   java -jar target/tunelab.jar                 # serve on http://localhost:7070
 *   java -jar target/tunelab.jar serve --port 8080 --data /var/lib/tunelab
 *   java -jar target/tunelab.jar validate        # prove every cell runs and every solution passes
 * </pre>
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        boolean named = args.length > 0 && (!args[0].startsWith("-") || List.of("-h", "--help").contains(args[0]));
        String command = named ? args[0] : "serve";
        String[] rest = named ? Arrays.copyOfRange(args, 1, args.length) : args;
        if (Arrays.stream(rest).anyMatch(a -> a.equals("-h") || a.equals("--help"))) {
            usage(); // every command answers --help, rather than starting (load used to run a test)
            return;
        }
        try {
            switch (command) {
                case "serve" -> serve(Config.from(rest, System.getenv()));
                case "validate" -> System.exit(validate(Config.from(rest, System.getenv())));
                case "load" -> System.exit(load(rest));
                case "instructor-link" -> instructorLink(rest);
                case "help", "-h", "--help" -> usage();
                default -> {
                    System.err.println("Unknown command '" + command + "'.");
                    usage();
                    System.exit(2);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("tunelab: " + e.getMessage());
            System.exit(2);
        }
    }

    private static void serve(Config config) {
        Server server = Server.start(config);
        System.getLogger(Main.class.getName()).log(System.Logger.Level.INFO, HeapTuning.start(server));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "tunelab-shutdown"));
    }

    /** {@code load --students N --seconds S --lesson SLUG --hold S --think-ms MS --read-ms MS --prepare N}: see {@link Load}. */
    private static int load(String[] given) {
        List<String> switches = List.of("--cold", "--stream"); // flags without a value
        boolean cold = Arrays.asList(given).contains("--cold");
        boolean stream = Arrays.asList(given).contains("--stream");
        String[] args = Arrays.stream(given).filter(a -> !switches.contains(a)).toArray(String[]::new);
        java.util.Map<String, String> flags = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i++) {
            flags.put(args[i], args[i + 1]);
        }
        try {
            Load.Plan plan = new Load.Plan(Integer.parseInt(flags.getOrDefault("--students", "50")),
                    java.time.Duration.ofSeconds(Integer.parseInt(flags.getOrDefault("--seconds", "300"))),
                    flags.get("--lesson"),
                    java.time.Duration.ofSeconds(Integer.parseInt(flags.getOrDefault("--hold", "60"))),
                    java.time.Duration.ofMillis(Integer.parseInt(flags.getOrDefault("--think-ms", "0"))),
                    flags.get("--url"),
                    flags.containsKey("--pids") ? Arrays.stream(flags.get("--pids").split(",")).map(String::strip)
                            .map(Long::parseLong).toList() : List.of(),
                    cold, Integer.parseInt(flags.getOrDefault("--prepare", "0")), flags.get("--exercise"),
                    java.time.Duration.ofMillis(Integer.parseInt(flags.getOrDefault("--read-ms", "0"))), stream);
            return new Load(Config.from(args, System.getenv()), plan).run();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--students, --seconds, --hold, --think-ms, --read-ms, --prepare and --pids take whole numbers: "
                    + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            System.err.println("load: " + e);
            return 1;
        }
    }

    /**
     * {@code instructor-link --name NAME [--url BASE]}: prints a new sign-in link for an instructor (created if new;
     * their previous link stops working), for the operator of a server, with or without an instructor key.
     */
    private static void instructorLink(String[] args) {
        Config config = Config.from(args, System.getenv());
        java.util.Map<String, String> flags = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i++) {
            flags.put(args[i], args[i + 1]);
        }
        String name = flags.get("--name");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("instructor-link needs --name NAME (the instructor's display name)");
        }
        String base = flags.getOrDefault("--url", "http://" + config.host() + ":" + config.port());
        try (org.tunelab.store.Store store = config.dbUrl().isBlank()
                ? org.tunelab.store.Store.sqlite(config.dataDir().resolve("tunelab.db"))
                : org.tunelab.store.Store.open(config.dbUrl(), config.dbUser(), config.dbPassword())) {
            var made = store.classes().resetInstructorLink(name);
            System.out.println("Sign-in link for instructor " + made.instructor().name()
                    + " (any earlier link of theirs no longer works):");
            System.out.println(base.replaceAll("/+$", "") + "/instructor/signin/" + made.signinToken());
        }
    }

    /** Validates the course; prints each problem as {@code file:line: reason}; 0 when sound. */
    static int validate(Config config) {
        long started = System.nanoTime();
        Path lessons = config.courseDir().toAbsolutePath().normalize().resolve("lessons");
        if (!Files.isDirectory(lessons)) { // not "0 lessons: all good" for a wrong folder
            throw new IllegalArgumentException("no folder " + lessons + ": run validate in the course's folder, or"
                    + " name it with --course DIR");
        }
        Course course = new CourseLoader(config.courseDir()).load();
        KernelConfig kernels = config.courseKernelConfig().withPoolSize(1).withGateway(Server.gateway(config))
                .withSandbox(org.tunelab.kernel.Sandbox.detect());
        List<Problem> problems;
        try (KernelPool pool = new KernelPool(kernels); Grader grader = new Grader(kernels, config.checkTimeout())) {
            problems = new Validator(pool, grader).validate(course, line -> System.out.println("checking " + line));
        }
        problems.forEach(p -> System.out.println(p));
        System.out.printf("%d lessons, %d exercises: %s (%.1f s)%n", course.lessons().size(), course.exercises().size(),
                problems.isEmpty() ? "all good" : problems.size() + " problem" + (problems.size() == 1 ? "" : "s"),
                (System.nanoTime() - started) / 1e9);
        return problems.isEmpty() ? 0 : 1;
    }

    private static void usage() {
        System.out.println("""
                Usage: java -jar target/tunelab.jar [command] [flags]

                Commands:
                  serve      serve the course (default)
                             --port N (or PORT; 7070)  --host ADDR (127.0.0.1)
                             --data DIR (or TUNELAB_DATA; ./data)  --course DIR (.)
                             --run-timeout SECONDS (or TUNELAB_RUN_TIMEOUT; 30)
                             --unsafe-no-sandbox  serve a non-loopback --host even where
                                                  student code cannot be sandboxed
                  validate   load every lesson and exercise, run every cell top to bottom,
                             check every reference solution and starter; exit 1 on any problem
                             --course DIR (.)
                  load       start the server on loopback and simulate students opening a
                             lesson, running its cells, a warm 1 + 1 and an exercise check,
                             then idling with their kernels kept; prints throughput,
                             p50/p95/p99, errors, where the CPU went (on Linux), and memory
                             at its peak and held at the end
                             --students N (50, at most 500)  --seconds S (300)
                             --lesson SLUG (the first)  --hold S (60; with --seconds at most 600)
                             --think-ms MS (0: each student's pause before each run and check)
                             --read-ms MS  how long each student reads the lesson before the
                                  first run (the think time): they open it together
                             --url http://127.0.0.1:PORT  a server already running (loopback only,
                                  e.g. deploy/local-cluster's nginx) instead of starting one
                             --pids PID,PID  with --url: report each process's memory (and its
                                  kernels') apart
                             --cold  start the students at once, before the compiler warm-up
                                  (TUNELAB_WARMUP) that a server does at start-up
                             --exercise SLUG (the lesson's first)  the exercise each checks
                             --prepare N  first get N kernels ready for lessons and N for
                                  checks, as the dashboard's "Get kernels ready" does (0)
                             --stream  ask for runs and checks as a page does: each answer
                                  streamed, and told its place in line while it waits
                  instructor-link
                             print a new sign-in link for an instructor (created if new; their
                             previous link stops working): works without TUNELAB_INSTRUCTOR_KEY
                             --name NAME  --url BASE (http://HOST:PORT)  --data DIR (./data)
                  help       this text

                Environment: TUNELAB_INSTRUCTOR_KEY (12+ characters) turns on /instructor, where
                whoever knows it creates an instructor; off when unset (see README, Teaching a class).
                """);
    }
}
