package org.tunelab.play;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.tunelab.lm.FineTuneOptions;
import org.tunelab.lm.FineTuner;
import org.tunelab.lm.Tiny;

/**
 * A fine-tuning job's settings: the base model, the data, and how to train. Immutable; each method returns a
 * changed copy. {@link #start()} starts the job; {@link #run()} starts it and waits, showing its progress.
 *
 * <pre>{@code
 * Dataset.Split data = Datasets.supportTickets(240, 1).split(0.2, 1);
 * TunedModel tuned = FineTune.of(Models.tiny()).data(data.train()).validation(data.validation())
 *         .epochs(3).learningRate(1e-3).lora(8).run();
 * tuned.complete(Prompt.of("").input("My invoice is wrong"))
 * }</pre>
 *
 * Defaults: LoRA rank 8, 3 epochs, batch 8, learning rate 3e-3 (LoRA) or 1e-3 (full), seed 0.
 */
public final class FineTune {
    private static final int HEARTBEAT_MILLIS = 1000;
    private static final long QUEUE_POLL_MILLIS = 300;

    private final Model base;
    private final Dataset data;
    private final Dataset validation;
    private final int epochs;
    private final double learningRate; // NaN: the method's default
    private final int batchSize;
    private final int rank; // 0: full fine-tuning
    private final long seed;

    private FineTune(Model base, Dataset data, Dataset validation, int epochs, double learningRate, int batchSize,
                     int rank, long seed) {
        this.base = base;
        this.data = data;
        this.validation = validation;
        this.epochs = epochs;
        this.learningRate = learningRate;
        this.batchSize = batchSize;
        this.rank = rank;
        this.seed = seed;
    }

    /** A job that will fine-tune {@code base}: Tiny, or a Tiny fine-tuned before. */
    public static FineTune of(Model base) {
        if (!(base instanceof TinyModel) && !(base instanceof TunedModel)) {
            throw new IllegalArgumentException("Only Tiny models can be fine-tuned here; " + base.name()
                    + " is not one. Try FineTune.of(Models.tiny()).");
        }
        return new FineTune(base, null, null, 3, Double.NaN, 8, 8, 0);
    }

    /** The training examples. */
    public FineTune data(Dataset examples) {
        return new FineTune(base, examples, validation, epochs, learningRate, batchSize, rank, seed);
    }

    /** Held-out examples whose loss is measured during training, never trained on. */
    public FineTune validation(Dataset examples) {
        return new FineTune(base, data, examples, epochs, learningRate, batchSize, rank, seed);
    }

    /** Passes over the training data. */
    public FineTune epochs(int n) {
        return new FineTune(base, data, validation, n, learningRate, batchSize, rank, seed);
    }

    public FineTune learningRate(double rate) {
        return new FineTune(base, data, validation, epochs, rate, batchSize, rank, seed);
    }

    /** Examples per training step. */
    public FineTune batchSize(int n) {
        return new FineTune(base, data, validation, epochs, learningRate, n, rank, seed);
    }

    /** Changes every weight of the model. */
    public FineTune full() {
        return new FineTune(base, data, validation, epochs, learningRate, batchSize, 0, seed);
    }

    /** Trains small rank-r adapters beside the frozen weights (LoRA); the default, with r = 8. */
    public FineTune lora(int r) {
        if (r < 1) {
            throw new IllegalArgumentException("LoRA rank must be at least 1, was " + r);
        }
        return new FineTune(base, data, validation, epochs, learningRate, batchSize, r, seed);
    }

    /** Seed of the shuffling and the adapter's start: same seed, same data, same model. */
    public FineTune seed(long value) {
        return new FineTune(base, data, validation, epochs, learningRate, batchSize, rank, value);
    }

    /** Starts the job in the background and returns it at once. */
    public Job start() {
        if (data == null || data.size() == 0) {
            throw new IllegalStateException("No training data: call .data(dataset) before start().");
        }
        if (epochs < 1 || batchSize < 1) {
            throw new IllegalArgumentException("epochs and batchSize must be at least 1");
        }
        List<org.tunelab.lm.Example> train = data.toTinyExamples();
        List<org.tunelab.lm.Example> held = validation == null ? List.of() : validation.toTinyExamples();
        String hash = hash(data.toJsonl());
        String method = rank == 0 ? "full" : "lora";
        String id = "ft-" + method + "-" + hash.substring(0, 8) + String.format("%02x", seed & 0xff)
                + Long.toHexString(System.currentTimeMillis() & 0xffff);
        Job job = new Job(id);
        Tiny tiny = base instanceof TunedModel t ? t.tiny() : ((TinyModel) base).tiny();
        FineTuneOptions options = (rank == 0 ? FineTuneOptions.full() : FineTuneOptions.lora().withRank(rank))
                .withEpochs(epochs).withBatchSize(batchSize).withSeed(seed).withId(id);
        if (!Double.isNaN(learningRate)) {
            options = options.withLearningRate((float) learningRate);
        }
        FineTuneOptions chosen = options;
        Thread worker = new Thread(() -> train(job, tiny, train, held, chosen, method, hash), "fine-tune-" + id);
        worker.setDaemon(true);
        worker.start();
        return job;
    }

    /** Starts the job and waits for it, showing its progress; returns the fine-tuned model. */
    public TunedModel run() {
        return start().await();
    }

    /**
     * Trains one model per seed, all jobs started at once (they take the server's training slots in turn), and
     * waits for them; returns the models in the order of the seeds. Measure them with {@link Spread#of}.
     * <pre>{@code List<TunedModel> models = FineTune.of(tiny).data(train).lora(8).runSeeds(1, 2, 3);}</pre>
     */
    public List<TunedModel> runSeeds(long... seeds) {
        if (seeds.length == 0) {
            throw new IllegalArgumentException("runSeeds(seeds...): give at least one seed, e.g. runSeeds(1, 2, 3)");
        }
        List<Job> jobs = new ArrayList<>();
        for (long s : seeds) {
            jobs.add(seed(s).start());
        }
        List<TunedModel> models = new ArrayList<>();
        try {
            while (jobs.stream().anyMatch(j -> !j.status().done())) {
                jobs.forEach(j -> j.showProgress(false)); // one bar per seed; one loss chart for all, below
                Thread.sleep(QUEUE_POLL_MILLIS);
            }
            for (Job job : jobs) {
                models.add(job.await(false));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            jobs.forEach(Job::cancel);
            throw new IllegalStateException("interrupted while waiting for the jobs of seeds " + Arrays.toString(seeds));
        } catch (RuntimeException e) {
            jobs.stream().filter(j -> !j.status().done()).forEach(Job::cancel); // one failed: stop the others
            throw e;
        }
        Display.show(lossChart(jobs, seeds));
        return models;
    }

    /** The training loss of every seed's job in one chart. */
    private static Chart lossChart(List<Job> jobs, long[] seeds) {
        List<Double> first = jobs.get(0).trainLoss();
        List<Integer> steps = new ArrayList<>();
        for (int i = 1; i <= first.size(); i++) {
            steps.add(i);
        }
        Chart chart = Chart.line("Training loss, one line per seed").x("step", steps).y("loss");
        for (int i = 0; i < jobs.size(); i++) {
            List<Double> loss = new ArrayList<>(jobs.get(i).trainLoss());
            while (loss.size() < steps.size()) {
                loss.add(Double.NaN);
            }
            chart.series("seed " + seeds[i], loss.subList(0, steps.size()));
        }
        return chart;
    }

    private void train(Job job, Tiny tiny, List<org.tunelab.lm.Example> train, List<org.tunelab.lm.Example> held,
                       FineTuneOptions options, String method, String hash) {
        TrainingSlots slots = new TrainingSlots();
        try {
            TrainingSlots.Turn turn = slots.take();
            while (!turn.granted()) {
                job.queued(turn.ahead());
                if (job.cancelRequested()) {
                    throw new java.util.concurrent.CancellationException("cancelled while queued");
                }
                Thread.sleep(QUEUE_POLL_MILLIS);
                turn = slots.take();
            }
            int perEpoch = (train.size() + options.batchSize() - 1) / options.batchSize();
            job.started(perEpoch * options.epochs());
            long started = System.nanoTime();
            AtomicLong lastBeat = new AtomicLong(started);
            FineTuner.Progress[] last = new FineTuner.Progress[1];
            Tiny tuned = FineTuner.fineTune(tiny, train, held, options, p -> {
                job.stepped(p);
                last[0] = p;
                long now = System.nanoTime();
                if (now - lastBeat.get() > HEARTBEAT_MILLIS * 1_000_000L) {
                    lastBeat.set(now);
                    slots.take(); // keeps the slot
                }
            }, job::cancelRequested);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("examples", (double) train.size());
            metrics.put("epochs", (double) options.epochs());
            metrics.put("seed", (double) options.seed());
            metrics.put("seconds", took.toMillis() / 1000.0);
            if (last[0] != null) {
                metrics.put("trainLoss", last[0].loss());
                if (!Double.isNaN(last[0].validationLoss())) {
                    metrics.put("validationLoss", last[0].validationLoss());
                }
            }
            TunedModel model = new TunedModel(tuned, new TunedModel.Info(job.id(), base.name(), method, hash,
                    metrics, Instant.now()));
            ModelShelf.save(model);
            job.succeeded(model, took);
        } catch (InterruptedException e) {
            job.ended(new java.util.concurrent.CancellationException("interrupted"));
        } catch (RuntimeException | Error e) {
            job.ended(e);
        } finally {
            slots.release();
        }
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
