package org.tunelab.kernel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

/**
 * At most N runs (or checks) at once, server-wide; the rest wait, and are told their place in the queue as it
 * changes. Thread-safe.
 *
 * <p>Waiters go in the order they came, unless they say how long they expect to take. Then each is due when it came
 * plus {@value #PATIENCE} times what it expects, but at most {@link #MOST_HEADSTART} later, and the one due first goes
 * first: a run may wait about twenty times its own length for runs that came after it. So when a class saturates the
 * server, a quick {@code 1 + 1} does not wait behind a queue of cells that each take a few hundred milliseconds, while
 * no run waits more than {@code MOST_HEADSTART} longer for those that came after it. What a waiter expects is asked
 * again whenever a slot comes free, so a run learns what the same code cost others while it waits.
 */
public final class RunQueue {
    /** How many times its expected length a run may wait for runs that came after it... */
    static final int PATIENCE = 20;
    /** ...but never longer than this. */
    static final Duration MOST_HEADSTART = Duration.ofSeconds(5);

    private static final LongSupplier IN_ORDER = () -> 0;

    private final int slots;
    private final LongSupplier clock;
    private int running;
    private long nextTicket;
    /** Waiting now, in the order they will be let in (each reorder sorts them). */
    private final List<Waiter> waiting = new ArrayList<>();

    private static final class Waiter {
        final long ticket;
        final long came;
        final LongSupplier expectedNanos;
        long due;
        int place;
        boolean in;

        Waiter(long ticket, long came, LongSupplier expectedNanos) {
            this.ticket = ticket;
            this.came = came;
            this.expectedNanos = expectedNanos;
        }
    }

    private static final Comparator<Waiter> DUE_FIRST =
            Comparator.<Waiter>comparingLong(w -> w.due).thenComparingLong(w -> w.ticket);

    public RunQueue(int slots) {
        this(slots, System::nanoTime);
    }

    /** With {@code clock} (nanoseconds) saying when each waiter came: tests set it. */
    RunQueue(int slots, LongSupplier clock) {
        this.slots = slots;
        this.clock = clock;
    }

    /** As {@link #enter(Duration, IntConsumer, LongSupplier)}, in the order waiters came. */
    public boolean enter(Duration maxWait, IntConsumer onWait) throws InterruptedException {
        return enter(maxWait, onWait, IN_ORDER);
    }

    /**
     * Waits for a free slot, calling {@code onWait} (outside any lock) with the place in the queue, 1 being next,
     * whenever it changes.
     *
     * @param expectedNanos how long this run is expected to take once in, asked whenever the queue moves (cheap and
     *                      thread-safe; 0 when unknown)
     * @return false if no slot came free within {@code maxWait}, in which case the caller must not run
     */
    public boolean enter(Duration maxWait, IntConsumer onWait, LongSupplier expectedNanos) throws InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        Waiter me;
        synchronized (this) {
            me = new Waiter(nextTicket++, clock.getAsLong(), expectedNanos);
            waiting.add(me);
            reorder();
        }
        int told = 0;
        while (true) {
            int place;
            synchronized (this) {
                if (me.in) {
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    giveUp(me);
                    return false;
                }
                place = me.place;
                if (place == told) {
                    try {
                        wait(Math.max(1, Math.min(left / 1_000_000, 1000)));
                    } catch (InterruptedException e) {
                        if (me.in) {
                            running--; // let in as it was interrupted: hand the slot on
                            reorder();
                        } else {
                            giveUp(me);
                        }
                        throw e;
                    }
                    continue;
                }
            }
            told = place;
            if (onWait != null) {
                onWait.accept(place);
            }
        }
    }

    /** Frees the slot taken by a successful {@link #enter}. */
    public synchronized void leave() {
        running--;
        reorder();
    }

    /** Runs executing now. */
    public synchronized int running() {
        return running;
    }

    /** Runs waiting now. */
    public synchronized int waiting() {
        return waiting.size();
    }

    private void giveUp(Waiter me) {
        waiting.remove(me);
        reorder();
    }

    /** Sorts the waiters by when they are due, lets in as many as there are free slots, and numbers the rest. */
    private void reorder() {
        long most = MOST_HEADSTART.toNanos();
        for (Waiter w : waiting) {
            // clamped first so that PATIENCE times it cannot overflow, whatever a guess says
            long expected = Math.max(0, Math.min(w.expectedNanos.getAsLong(), most));
            w.due = w.came + Math.min(PATIENCE * expected, most);
        }
        waiting.sort(DUE_FIRST);
        while (running < slots && !waiting.isEmpty()) {
            waiting.remove(0).in = true;
            running++;
        }
        for (int i = 0; i < waiting.size(); i++) {
            waiting.get(i).place = i + 1;
        }
        notifyAll();
    }
}
