package org.tunelab.play;

import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.tunelab.lm.FineTuner;

/**
 * A fine-tuning job, started by {@link FineTune#start()}. It trains in the background: a cell can start it, and
 * a later cell can {@link #await()} it (watching its loss fall) or {@link #cancel()} it.
 *
 * <pre>{@code
 * Job job = FineTune.of(Models.tiny()).data(train).validation(val).start();
 * TunedModel tuned = job.await();      // progress bar and loss chart while it trains
 * }</pre>
 */
public final class Job implements Displayable {
    private static final long REDRAW_MILLIS = 250;

    private final String id;
    private final Object lock = new Object();
    private final List<String> events = new ArrayList<>();
    private final List<Integer> steps = new ArrayList<>();
    private final List<Double> trainLoss = new ArrayList<>();
    private final List<Double> validationLoss = new ArrayList<>();
    private volatile JobStatus status = JobStatus.QUEUED;
    private volatile boolean cancelRequested;
    private volatile int ahead;
    private volatile int step;
    private volatile int totalSteps;
    private volatile TunedModel model;
    private volatile String failure;
    private int lastEpoch; // the training thread's only

    Job(String id) {
        this.id = id;
    }

    /** The id the model will have, e.g. "ft-lora-3f2a91c0". */
    public String id() {
        return id;
    }

    public JobStatus status() {
        return status;
    }

    /** What happened so far, one line each, with times: queued, started, epochs, finished... */
    public List<String> events() {
        synchronized (lock) {
            return List.copyOf(events);
        }
    }

    /** The fraction of training steps done, 0 to 1. */
    public double progress() {
        return totalSteps == 0 ? (status == JobStatus.SUCCEEDED ? 1 : 0) : (double) step / totalSteps;
    }

    /** While queued, how many jobs are ahead of this one on the server; else 0. */
    public int position() {
        return status == JobStatus.QUEUED ? ahead : 0;
    }

    /** Training loss after each step so far. */
    public List<Double> trainLoss() {
        synchronized (lock) {
            return List.copyOf(trainLoss);
        }
    }

    /** Validation loss after each step so far (NaN before it was first measured). */
    public List<Double> validationLoss() {
        synchronized (lock) {
            return List.copyOf(validationLoss);
        }
    }

    /** Stops training within a second; the job ends CANCELLED and saves nothing. */
    public void cancel() {
        cancelRequested = true;
        event("cancel requested");
    }

    /**
     * Waits for the job to end, showing a progress bar and the loss chart under the cell as it trains.
     *
     * @return the fine-tuned model (already saved: {@code Models.load(id)} finds it in any lesson)
     * @throws IllegalStateException if the job failed or was cancelled, saying why
     */
    public TunedModel await() {
        return await(true);
    }

    /** {@link #await()}, drawing the loss chart or only the progress bar. */
    TunedModel await(boolean withLossChart) {
        while (!status.done()) {
            showProgress(withLossChart);
            try {
                Thread.sleep(REDRAW_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for job " + id);
            }
        }
        showProgress(withLossChart);
        if (status != JobStatus.SUCCEEDED) {
            throw new IllegalStateException("Job " + id + " " + status.name().toLowerCase()
                    + (failure == null ? "." : ": " + failure));
        }
        return model;
    }

    /** The loss chart: training loss per step, and validation loss where it was measured. */
    public Chart lossChart() {
        synchronized (lock) {
            Chart chart = Chart.line("Loss of " + id).id(id + "-loss").x("step", new ArrayList<>(steps)).y("loss")
                    .series("training", new ArrayList<>(trainLoss));
            if (validationLoss.stream().anyMatch(v -> !v.isNaN())) {
                chart.series("validation", new ArrayList<>(validationLoss));
            }
            return chart;
        }
    }

    @Override
    public String toDisplay() {
        String label = switch (status) {
            case QUEUED -> "Job " + id + ": waiting for a training slot (" + ahead + " ahead)";
            case RUNNING -> "Job " + id + ": step " + step + " of " + totalSteps;
            default -> "Job " + id + ": " + status.name().toLowerCase() + (failure == null ? "" : " (" + failure + ")");
        };
        return Display.spec("progress").put("id", id + "-progress").put("label", label)
                .put("value", status == JobStatus.SUCCEEDED ? 1 : progress()).put("max", 1).json();
    }

    @Override
    public String toString() {
        return "Job " + id + ": " + status.name().toLowerCase() + ", " + Math.round(progress() * 100) + "%"
                + (failure == null ? "" : " (" + failure + ")");
    }

    void showProgress(boolean withLossChart) {
        Display.update(id + "-progress", this);
        if (!withLossChart) {
            return;
        }
        synchronized (lock) {
            if (steps.isEmpty()) {
                return;
            }
        }
        Display.update(id + "-loss", lossChart());
    }

    // ---- called by the training thread (FineTune) ----

    boolean cancelRequested() {
        return cancelRequested;
    }

    void queued(int jobsAhead) {
        if (jobsAhead != ahead || events().isEmpty()) {
            event("queued: " + jobsAhead + " job" + (jobsAhead == 1 ? "" : "s") + " ahead");
        }
        ahead = jobsAhead;
    }

    void started(int total) {
        totalSteps = total;
        status = JobStatus.RUNNING;
        event("training started: " + total + " steps");
    }

    void stepped(FineTuner.Progress p) {
        synchronized (lock) {
            steps.add(p.step());
            trainLoss.add(p.loss());
            validationLoss.add(p.validationLoss());
        }
        if (p.epoch() > lastEpoch) {
            if (lastEpoch > 0) {
                event("epoch " + lastEpoch + " done, training loss " + String.format("%.3f", p.loss()));
            }
            lastEpoch = p.epoch();
        }
        step = p.step();
        totalSteps = p.totalSteps();
    }

    void succeeded(TunedModel tuned, Duration took) {
        model = tuned;
        status = JobStatus.SUCCEEDED;
        event("succeeded in " + took.toMillis() + " ms; saved as " + tuned.id());
    }

    void ended(Throwable e) {
        if (e instanceof CancellationException || cancelRequested) {
            failure = "cancelled at step " + step + " of " + totalSteps;
            status = JobStatus.CANCELLED;
        } else {
            failure = e.getMessage() == null ? e.toString() : e.getMessage();
            status = JobStatus.FAILED;
        }
        event(status.name().toLowerCase() + ": " + failure);
    }

    private void event(String what) {
        synchronized (lock) {
            events.add(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + what);
        }
    }
}
