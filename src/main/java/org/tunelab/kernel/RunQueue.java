package org.tunelab.kernel;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * At most N runs (or checks) at once, server-wide; the rest wait first come, first served, and are told their place
 * in the queue as it changes. Thread-safe.
 */
public final class RunQueue {
    private final int slots;
    private long nextTicket;
    private long admitted; // tickets below this have been let in (or gave up)
    private int running;
    private final Set<Long> abandoned = new HashSet<>();

    public RunQueue(int slots) {
        this.slots = slots;
    }

    /**
     * Waits for a free slot, calling {@code onWait} (outside any lock) with the place in the queue, 1 being next,
     * whenever it changes.
     *
     * @return false if no slot came free within {@code maxWait}, in which case the caller must not run
     */
    public boolean enter(Duration maxWait, IntConsumer onWait) throws InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        long ticket;
        synchronized (this) {
            ticket = nextTicket++;
        }
        long told = 0;
        while (true) {
            long place;
            synchronized (this) {
                skipAbandoned();
                if (ticket == admitted && running < slots) {
                    admitted++;
                    running++;
                    notifyAll();
                    return true;
                }
                place = ticket - admitted + 1;
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    abandoned.add(ticket);
                    notifyAll();
                    return false;
                }
                if (place == told) {
                    try {
                        wait(Math.max(1, Math.min(left / 1_000_000, 1000)));
                    } catch (InterruptedException e) {
                        abandoned.add(ticket);
                        notifyAll();
                        throw e;
                    }
                    continue;
                }
            }
            told = place;
            if (onWait != null && place > 0) {
                onWait.accept((int) place);
            }
        }
    }

    /** Frees the slot taken by a successful {@link #enter}. */
    public synchronized void leave() {
        running--;
        notifyAll();
    }

    /** Runs executing now. */
    public synchronized int running() {
        return running;
    }

    /** Runs waiting now. */
    public synchronized int waiting() {
        skipAbandoned();
        return (int) (nextTicket - admitted - abandoned.size());
    }

    private void skipAbandoned() {
        while (abandoned.remove(admitted)) {
            admitted++;
        }
    }
}
