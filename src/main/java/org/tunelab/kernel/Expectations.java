package org.tunelab.kernel;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Students expected to take a kernel from a pool soon ({@link KernelPool#expect}): one expectation per student (a
 * pool's kernels are anyone's: a student who opens three lessons before running a cell needs one), at most
 * {@code most} at once, each for at most {@code lasting}, and each remembering whether a kernel was asked for it
 * (none is when kernels an instructor prepared already cover it). Thread-safe.
 */
final class Expectations {
    private record Expected(long since, boolean asked) {
    }

    private final int most;
    private final long lastingNanos;
    /** Oldest first. */
    private final Map<String, Expected> students = new LinkedHashMap<>();

    Expectations(int most, Duration lasting) {
        this.most = most;
        this.lastingNanos = lasting.toNanos();
    }

    /**
     * Expects {@code student}, unless they are expected already or {@code most} are. {@code covered} is told how many
     * would then be expected, and says whether kernels already there cover them; if not, a kernel is to be asked for.
     *
     * @return whether to ask for a kernel for them
     */
    synchronized boolean add(String student, long now, IntPredicate covered) {
        if (students.containsKey(student) || students.size() >= most) {
            return false;
        }
        boolean ask = !covered.test(students.size() + 1);
        students.put(student, new Expected(now, ask));
        return ask;
    }

    /** {@code student} got a kernel: true if one had been asked for them (they are no longer expected either way). */
    synchronized boolean arrived(String student) {
        Expected was = students.remove(student);
        return was != null && was.asked();
    }

    /** Forgets those expected for longer than {@code lasting} before {@code now}; returns for how many one was asked. */
    synchronized int expire(long now) {
        int asked = 0;
        Iterator<Expected> oldestFirst = students.values().iterator();
        while (oldestFirst.hasNext()) {
            Expected next = oldestFirst.next();
            if (now - next.since() <= lastingNanos) {
                break;
            }
            oldestFirst.remove();
            asked += next.asked() ? 1 : 0;
        }
        return asked;
    }

    synchronized boolean contains(String student) {
        return students.containsKey(student);
    }

    synchronized int size() {
        return students.size();
    }
}
