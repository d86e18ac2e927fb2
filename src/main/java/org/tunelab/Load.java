package org.tunelab;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.tunelab.course.Cell;
import org.tunelab.course.Course;
import org.tunelab.course.CourseLoader;
import org.tunelab.course.Exercise;
import org.tunelab.course.Lesson;
import org.tunelab.kernel.ThreadPriority;
import org.tunelab.web.Server;

/**
 * {@code load}: starts the server on loopback and simulates N students, each opening a lesson (the first unless
 * {@code --lesson} names one), running its cells in order, then {@code 1 + 1} (a warm run) a few times, and
 * checking the lesson's first exercise (or {@code --exercise}) with its starter. Then the students sit reading for
 * {@code --hold} seconds, their kernels kept, while idle kernels are trimmed as on a real server. Reports throughput, latency percentiles, errors,
 * where the CPU went while the students ran ({@link CpuUse}), and the memory of the server and its kernels: at its
 * peak, and held at the end.
 *
 * <p>Memory is counted as proportional set size (each page shared by k processes counts 1/k in each), summed over
 * the server and every process under it: what the machine really gives them. Resident set size counts the JVM's
 * shared code and class data once per kernel; it is printed beside for comparison.
 * Bounded: at most 500 students and 10 minutes in all.
 */
final class Load {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Config config;
    private final Plan plan;
    private final List<Long> warm = Collections.synchronizedList(new ArrayList<>());
    /** Of each warm run, the time its kernel took (compiling and running), without the queue and HTTP. */
    private final List<Long> warmInKernel = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> all = Collections.synchronizedList(new ArrayList<>());
    /**
     * The lesson page each student opens, the first cell they run (it waits for a kernel), the lesson's other cells,
     * and exercise checks.
     */
    private final List<Long> pages = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> firstRun = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> cells = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> checks = Collections.synchronizedList(new ArrayList<>());
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicLong placesTold = new AtomicLong(); // with --stream: "queued" and "starting" lines received
    /** Each request's start (ms since the load began), duration and whether it failed: the timeline of a failover. */
    private final List<long[]> timeline = Collections.synchronizedList(new ArrayList<>());
    private volatile long loadStarted = System.nanoTime();
    /** Runs told that their kernel was new (stateLost): after a failover, each moved student's first run. */
    private final AtomicInteger stateLost = new AtomicInteger();
    /** One client for every student (each keeps its own cookies): 200 clients' threads would weigh on the server. */
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicLong peakRssKb = new AtomicLong();
    private final AtomicLong peakPssKb = new AtomicLong();

    /**
     * What to simulate.
     *
     * @param students how many at once (1 to 500)
     * @param limit    the most the students' work may take ({@code --seconds})
     * @param lesson   the lesson's slug, or null for the first
     * @param hold     how long the students then sit idle, kernels kept, before memory is read ({@code --hold})
     * @param think    each student's pause before each request after the first ({@code --think-ms}); zero, the
     *                 default, sends every request as soon as the last is answered, harder than any class
     * @param exercise the slug of the exercise each student checks with its starter ({@code --exercise}), or null for
     *                 the lesson's first
     * @param prepare  kernels got ready before the students come, as the dashboard's "Get kernels ready" does: this
     *                 many for lessons and as many for exercise checks ({@code --prepare}; 0, the default, for none)
     * @param read     how long each student reads the lesson they opened before their first run ({@code --read-ms}; at
     *                 least the think time, which is also the default): a class that opens a lesson together, listens,
     *                 then runs
     * @param stream   runs and checks asked for as a page asks ({@code --stream}: NDJSON, each told its place in line
     *                 while it waits), not as one JSON answer
     */
    record Plan(int students, Duration limit, String lesson, Duration hold, Duration think, String url, List<Long> pids,
                boolean cold, int prepare, String exercise, Duration read, boolean stream) {
        Plan {
            read = read == null ? Duration.ZERO : read;
            if (read.isNegative() || read.compareTo(Duration.ofMinutes(5)) > 0) {
                throw new IllegalArgumentException("--read-ms must be 0 to 300000");
            }
            if (prepare < 0 || prepare > org.tunelab.kernel.Kernels.MOST_PREPARED) {
                throw new IllegalArgumentException("--prepare must be 0 to " + org.tunelab.kernel.Kernels.MOST_PREPARED);
            }
            if (prepare > 0 && url != null) {
                throw new IllegalArgumentException("--prepare starts kernels in the server load starts itself; for a"
                        + " server at --url, press Get kernels ready on its class dashboard first");
            }
            pids = pids == null ? List.of() : List.copyOf(pids);
            if (url != null && !url.matches("https?://(127\\.\\d+\\.\\d+\\.\\d+|localhost|\\[::1\\])(:\\d+)?/?")) {
                throw new IllegalArgumentException("--url must be a loopback address (http://127.0.0.1:PORT), not " + url);
            }
            if (students < 1 || students > 500) {
                throw new IllegalArgumentException("--students must be 1 to 500, not " + students);
            }
            if (limit.isNegative() || hold.isNegative() || limit.plus(hold).compareTo(Duration.ofMinutes(10)) > 0) {
                throw new IllegalArgumentException("--seconds and --hold must together be at most 600");
            }
            if (think.isNegative() || think.compareTo(Duration.ofSeconds(30)) > 0) {
                throw new IllegalArgumentException("--think-ms must be 0 to 30000");
            }
        }
    }

    Load(Config config, Plan plan) {
        this.config = config.withHost("127.0.0.1", false).withWarmup(plan.cold() ? 0 : config.warmup());
        this.plan = plan;
    }

    int run() throws Exception {
        if (plan.url() != null) {
            return runAgainst(plan.url().replaceAll("/$", ""));
        }
        Course course = new CourseLoader(config.courseDir()).load();
        Lesson lesson = lesson(course);
        Exercise exercise = exercise(course, lesson);
        try (Server server = Server.start(config)) {
            System.out.println(HeapTuning.start(server));
            long warming = System.nanoTime();
            server.warmup().get(); // a class meets a server that has been up a while; --cold measures a fresh one
            System.out.printf("%s (%d kernels, %.1f s)%n", plan.cold() ? "cold server: no compiler warm-up"
                    : "waited for the compiler warm-up", config.warmup(), (System.nanoTime() - warming) / 1e9);
            long filling = System.nanoTime();
            while (server.kernels().ready() < config.poolSize() && System.nanoTime() - filling < 180e9) {
                Thread.sleep(200); // a class meets the kernels the server keeps ready (TUNELAB_POOL)
            }
            CpuUse.Snapshot preparing = CpuUse.take(); // what each kernel got ready from here on cost
            int readyBefore = server.kernels().ready() + server.grader().ready();
            if (plan.prepare() > 0) { // as an instructor's "Get kernels ready" before the class
                server.kernels().prepare(plan.prepare());
                server.grader().prepare(plan.prepare());
                while ((server.kernels().ready() < config.poolSize() + plan.prepare()
                        || server.grader().ready() < 1 + plan.prepare()) && System.nanoTime() - filling < 300e9) {
                    Thread.sleep(200);
                }
            }
            System.out.printf("%d kernels ready before the students came (TUNELAB_POOL %d, --prepare %d), %d for checks;"
                    + " %.1f s to fill%n", server.kernels().ready(), config.poolSize(), plan.prepare(),
                    server.grader().ready(), (System.nanoTime() - filling) / 1e9);
            CpuUse.Snapshot prepared = CpuUse.take();
            int started = server.kernels().ready() + server.grader().ready() - readyBefore;
            if (started > 0 && preparing != null && prepared != null) {
                System.out.println(CpuUse.perKernel(preparing, prepared, started));
            }
            String base = "http://127.0.0.1:" + server.port();
            // the measuring takes as little as it can from the server
            Thread sampler = new Thread(ThreadPriority.inBackground(this::sampleMemory), "load-memory");
            sampler.setDaemon(true);
            sampler.start();
            CpuUse.Snapshot cpuBefore = CpuUse.take();
            double seconds = students(base, lesson, exercise);
            CpuUse.Snapshot cpuAfter = CpuUse.take();
            int kernels = server.kernels().size();
            Thread.sleep(plan.hold().toMillis());
            long[] held = memoryKb();
            sampler.interrupt();
            System.out.printf("%d students (lesson %s, %d ms thinking), %d requests in %.1f s: %.1f requests/s;"
                    + " %d errors%n", plan.students(), lesson.slug(), plan.think().toMillis(), requests.get(), seconds,
                    requests.get() / seconds, errors.size());
            System.out.println("all requests:   " + percentiles(all));
            printPlacesTold();
            System.out.println("runs told their kernel was new (stateLost): " + stateLost.get());
            System.out.println("lesson page:    " + percentiles(pages));
            System.out.println("first cell run: " + percentiles(firstRun));
            System.out.println("other cells:    " + percentiles(cells));
            System.out.println("exercise check: " + percentiles(checks));
            System.out.println("warm 1 + 1 run: " + percentiles(warm));
            System.out.println("  in its kernel: " + percentiles(warmInKernel));
            if (cpuBefore != null && cpuAfter != null) {
                System.out.println(CpuUse.report(cpuBefore, cpuAfter));
            }
            System.out.printf("peak memory: %.0f MB proportional, %.0f MB resident (server and %d kernels)%n",
                    peakPssKb.get() / 1024.0, peakRssKb.get() / 1024.0, kernels);
            System.out.printf("held after %d s idle: %.0f MB proportional, %.0f MB resident (server and %d kernels);"
                            + " the server JVM alone: %.0f MB%n", plan.hold().toSeconds(), held[0] / 1024.0, held[1] / 1024.0,
                    server.kernels().size(), memoryKb(ProcessHandle.current().pid())[0] / 1024.0);
            errors.stream().distinct().limit(10).forEach(e -> System.out.println("error: " + e));
            return errors.isEmpty() ? 0 : 1;
        }
    }

    /**
     * The same students against a server already running ({@code --url}, loopback only: a cluster's proxy), with the
     * memory of each {@code --pids} process and its kernels sampled apart, so that each instance's share shows.
     */
    private int runAgainst(String base) throws Exception {
        Course course = new CourseLoader(config.courseDir()).load();
        Lesson lesson = lesson(course);
        Exercise exercise = exercise(course, lesson);
        long[] peaks = new long[plan.pids().size()];
        loadStarted = System.nanoTime();
        Thread sampler = new Thread(ThreadPriority.inBackground(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                for (int i = 0; i < peaks.length; i++) {
                    peaks[i] = Math.max(peaks[i], treeKb(plan.pids().get(i))[0]);
                }
                try {
                    Thread.sleep(SAMPLE_EVERY_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }), "load-memory");
        sampler.setDaemon(true);
        sampler.start();
        double seconds = students(base, lesson, exercise);
        Thread.sleep(plan.hold().toMillis());
        sampler.interrupt();
        System.out.printf("%d students against %s (lesson %s, %d ms thinking), %d requests in %.1f s: %.1f requests/s;"
                + " %d errors%n", plan.students(), base, lesson.slug(), plan.think().toMillis(), requests.get(), seconds,
                requests.get() / seconds, errors.size());
        System.out.println("all requests:   " + percentiles(all));
        printPlacesTold();
        System.out.println("runs told their kernel was new (stateLost): " + stateLost.get());
        System.out.println("lesson page:    " + percentiles(pages));
        System.out.println("first cell run: " + percentiles(firstRun));
        System.out.println("other cells:    " + percentiles(cells));
        System.out.println("exercise check: " + percentiles(checks));
        System.out.println("warm 1 + 1 run: " + percentiles(warm));
        System.out.println("  in its kernel: " + percentiles(warmInKernel));
        printTimeline();
        for (int i = 0; i < peaks.length; i++) {
            long pid = plan.pids().get(i);
            System.out.printf("process %d and its kernels: peak %.0f MB, held after %d s %.0f MB (proportional)%n", pid,
                    peaks[i] / 1024.0, plan.hold().toSeconds(), treeKb(pid)[0] / 1024.0);
        }
        errors.stream().distinct().limit(10).forEach(e -> System.out.println("error: " + e));
        return errors.isEmpty() ? 0 : 1;
    }

    /** The lesson the students open: {@code --lesson}, or the course's first. */
    private Lesson lesson(Course course) {
        if (course.lessons().isEmpty()) {
            throw new IllegalArgumentException("no lessons in " + config.courseDir().toAbsolutePath().normalize()
                    .resolve("lessons") + ": run load in the project's folder, or name it with --course DIR");
        }
        return plan.lesson() == null ? course.lessons().get(0) : course.lessons().stream()
                .filter(l -> l.slug().equals(plan.lesson())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--lesson: no lesson " + plan.lesson() + " in the course"));
    }

    /**
     * The exercise the students check: {@code --exercise}, or the lesson's first (the welcome lesson's is a plain Java
     * one), or the course's first when the lesson has none; null when the course has none.
     */
    private Exercise exercise(Course course, Lesson lesson) {
        if (plan.exercise() != null) {
            return course.exercise(plan.exercise()).orElseThrow(
                    () -> new IllegalArgumentException("--exercise: no exercise " + plan.exercise() + " in the course"));
        }
        return course.exercises().stream().filter(e -> e.lesson().equals(lesson.slug())).findFirst()
                .orElse(course.exercises().isEmpty() ? null : course.exercises().get(0));
    }

    /** Every student at once, each in a thread, until all are done or the time limit; returns the seconds taken. */
    private double students(String base, Lesson lesson, Exercise exercise) throws InterruptedException {
        System.out.println("each student opens " + lesson.slug() + (plan.read().compareTo(plan.think()) > 0
                ? ", reads it for " + plan.read().toMillis() + " ms" : "") + ", runs its cells and 1 + 1, then checks "
                + (exercise == null ? "no exercise (the course has none)" : exercise.slug() + " with its starter"));
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(plan.students());
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < plan.students(); i++) {
            done.add(pool.submit(() -> student(base, lesson, exercise)));
        }
        long deadline = started + plan.limit().toNanos();
        for (Future<?> f : done) {
            try {
                f.get(Math.max(1, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                errors.add("time limit reached");
                break;
            } catch (java.util.concurrent.ExecutionException e) {
                errors.add(String.valueOf(e.getCause()));
            }
        }
        pool.shutdownNow();
        return (System.nanoTime() - started) / 1e9;
    }

    /** Requests by the 10 seconds in which they started: how many, how slow, how many failed. */
    private void printTimeline() {
        List<long[]> all;
        synchronized (timeline) {
            all = new ArrayList<>(timeline);
        }
        long last = all.stream().mapToLong(r -> r[0]).max().orElse(0);
        for (long from = 0; from <= last; from += 10_000) {
            long start = from;
            List<Long> took = new ArrayList<>();
            long failed = 0;
            for (long[] r : all) {
                if (r[0] >= start && r[0] < start + 10_000) {
                    took.add(r[1]);
                    failed += r[2];
                }
            }
            if (!took.isEmpty()) {
                System.out.printf("  started %3d-%3d s: %s, %d failed%n", start / 1000, start / 1000 + 10, percentiles(took),
                        failed);
            }
        }
    }

    private void student(String base, Lesson lesson, Exercise exercise) {
        CookieManager cookies = new CookieManager();
        String[] kernel = {null}; // as a page does: the kernel its cells ran in, sent with the next run
        try {
            send(cookies, "GET", base + "/lessons/" + lesson.slug(), null, pages, kernel);
            Thread.sleep(Math.max(0, plan.read().minus(plan.think()).toMillis())); // reading; the think time follows
            boolean first = true;
            for (Cell cell : lesson.cells()) {
                if (cell.mode().runnable()) {
                    send(cookies, "POST", base + "/api/lessons/" + lesson.slug() + "/run", cell.code(),
                            first ? firstRun : cells, kernel);
                    first = false;
                }
            }
            for (int i = 0; i < 5; i++) {
                send(cookies, "POST", base + "/api/lessons/" + lesson.slug() + "/run", "1 + 1", warm, kernel);
            }
            if (exercise != null) {
                send(cookies, "POST", base + "/api/exercises/" + exercise.slug() + "/check", exercise.starter(), checks, null);
            }
        } catch (IOException e) {
            errors.add(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void printPlacesTold() {
        if (plan.stream()) {
            System.out.printf("places told (streamed runs and checks): %d, %.1f per request%n", placesTold.get(),
                    placesTold.get() / (double) Math.max(1, requests.get()));
        }
    }

    /** The last line of an NDJSON answer, its result; a plain JSON answer as it is. */
    static String resultLine(String answer) {
        String body = answer.strip();
        return body.substring(body.lastIndexOf('\n') + 1);
    }

    /** How many lines of an NDJSON answer told the request where it stood ("queued", "starting"). */
    static long placeLines(String answer) {
        return answer.lines().filter(line -> line.contains("\"event\":\"queued\"")
                || line.contains("\"event\":\"starting\"")).count();
    }

    private void send(CookieManager cookies, String method, String url, String code, List<Long> also, String[] kernel)
            throws IOException, InterruptedException {
        boolean streamed = code != null && plan.stream();
        URI uri = URI.create(streamed ? url + "?stream=true" : url);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2));
        cookies.get(uri, java.util.Map.of()).forEach((name, values) -> values.forEach(v -> request.header(name, v)));
        if (code == null) {
            request.GET();
        } else {
            String body = "{\"code\": " + JSON.writeValueAsString(code)
                    + (kernel != null && kernel[0] != null ? ", \"kernel\": " + JSON.writeValueAsString(kernel[0]) : "") + "}";
            request.method(method, HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
            cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("tunelab_csrf"))
                    .map(HttpCookie::getValue).findFirst().ifPresent(t -> request.header("X-TuneLab-CSRF", t));
        }
        if (code != null && !plan.think().isZero()) {
            Thread.sleep(plan.think().toMillis()); // the student reads, then runs the next cell
        }
        long started = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            timeline.add(new long[] {(started - loadStarted) / 1_000_000, (System.nanoTime() - started) / 1_000_000, 1});
            throw e;
        }
        cookies.put(uri, response.headers().map());
        String body = streamed ? resultLine(response.body()) : response.body();
        if (streamed) {
            placesTold.addAndGet(placeLines(response.body()));
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        requests.incrementAndGet();
        all.add(millis);
        if (kernel != null && code != null) {
            try {
                var answer = JSON.readTree(body);
                if (answer.path("stateLost").asBoolean()) {
                    stateLost.incrementAndGet();
                }
                if (answer.hasNonNull("kernel")) {
                    kernel[0] = answer.get("kernel").asText();
                }
            } catch (IOException | RuntimeException e) {
                // not a run's JSON: counted below if it failed
            }
        }
        if (also != null) {
            also.add(millis);
            if (also == warm) {
                elapsedMs(body).ifPresent(warmInKernel::add);
            }
        }
        boolean failed = response.statusCode() != 200
                || (code != null && url.endsWith("/run") && body.contains("\"status\":\"error\"")
                && body.contains("Could not start"))
                || (url.endsWith("/check") && body.contains("could not start a Java VM"));
        boolean refused = body.contains("The server is busy") || body.contains("Too many runs");
        timeline.add(new long[] {(started - loadStarted) / 1_000_000, millis, failed || refused ? 1 : 0});
        if (failed || refused) {
            errors.add(method + " " + url.replaceFirst("^http://[^/]+", "") + ": " + response.statusCode() + " "
                    + summary(body));
        }
    }

    /** A run's own {@code elapsedMs}, if the body is one run's result. */
    private static java.util.Optional<Long> elapsedMs(String body) {
        try {
            var elapsed = JSON.readTree(body).get("elapsedMs");
            return elapsed != null && elapsed.canConvertToLong() ? java.util.Optional.of(elapsed.asLong())
                    : java.util.Optional.empty();
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** The body's "message", where it has one (a grade's says why it was not run), else its start. */
    private static String summary(String body) {
        try {
            var message = JSON.readTree(body).get("message");
            if (message != null && message.isTextual()) {
                return message.asText();
            }
        } catch (IOException | RuntimeException e) {
            // not JSON: show its start
        }
        return body.substring(0, Math.min(200, body.length()));
    }

    /**
     * How often memory is sampled while students run. Reading every process's proportional set size is work for the
     * machine under test: every 500 ms it took 2.4 of the 35 CPU seconds the server used in a 50-student start.
     */
    private static final long SAMPLE_EVERY_MS = 2000;

    private void sampleMemory() {
        while (!Thread.currentThread().isInterrupted()) {
            long[] kb = memoryKb();
            peakPssKb.accumulateAndGet(kb[0], Math::max);
            peakRssKb.accumulateAndGet(kb[1], Math::max);
            try {
                Thread.sleep(SAMPLE_EVERY_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Proportional and resident set sizes in kB, summed over this process and every process under it. */
    private static long[] memoryKb() {
        ProcessHandle self = ProcessHandle.current();
        long[] sum = new long[2];
        java.util.stream.Stream.concat(java.util.stream.Stream.of(self), self.descendants()).forEach(p -> {
            long[] one = memoryKb(p.pid());
            sum[0] += one[0];
            sum[1] += one[1];
        });
        return sum;
    }

    /** Proportional and resident set sizes in kB of a process and every process under it. */
    private static long[] treeKb(long pid) {
        long[] sum = new long[2];
        ProcessHandle.of(pid).ifPresent(root -> java.util.stream.Stream.concat(java.util.stream.Stream.of(root),
                root.descendants()).forEach(p -> {
                    long[] one = memoryKb(p.pid());
                    sum[0] += one[0];
                    sum[1] += one[1];
                }));
        return sum;
    }

    private static long[] memoryKb(long pid) {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc", String.valueOf(pid), "smaps_rollup"));
            return new long[] {field(lines, "Pss:"), field(lines, "Rss:")};
        } catch (IOException | RuntimeException e) {
            return new long[2]; // ended, or not Linux
        }
    }

    private static long field(List<String> lines, String name) {
        return lines.stream().filter(l -> l.startsWith(name)).mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")))
                .sum();
    }

    private static String percentiles(List<Long> millis) {
        List<Long> sorted;
        synchronized (millis) {
            sorted = new ArrayList<>(millis);
        }
        if (sorted.isEmpty()) {
            return "none";
        }
        Collections.sort(sorted);
        return String.format("n=%d p50=%d ms p95=%d ms p99=%d ms max=%d ms", sorted.size(), at(sorted, 0.50),
                at(sorted, 0.95), at(sorted, 0.99), sorted.get(sorted.size() - 1));
    }

    private static long at(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }
}
