package org.tunelab.kernel;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How long runs of the same code took in their kernels lately, so that {@link RunQueue} can let a quick run pass
 * long ones. A class runs the same cells, so after the first student's run of a cell the server knows about what
 * the rest will cost. The guess is the middle of the last three runs (the lower of two), so that one run slowed by
 * something else (a collection, a busy machine, a kernel's first use of a class) does not make a quick cell look
 * long. Code is known by its hash and length (a clash only misleads one guess); the most recently used
 * {@value #MOST} are kept. Thread-safe.
 */
final class RunCosts {
    static final int MOST = 2048;

    private final Map<Long, long[]> lastThree = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, long[]> eldest) {
            return size() > MOST;
        }
    };

    /** The key {@link #expected} and {@link #record} know code by. */
    static long key(String code) {
        return ((long) code.length() << 32) | (code.hashCode() & 0xffffffffL);
    }

    /** What a run of this code is expected to take, in nanoseconds: 0 if none has run lately. */
    synchronized long expected(long key) {
        long[] runs = lastThree.get(key);
        if (runs == null) {
            return 0;
        }
        long a = runs[0];
        long b = runs[1];
        long c = runs[2];
        if (c < 0) {
            return b < 0 ? a : Math.min(a, b);
        }
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c)); // the middle one of three
    }

    /** Notes what a run took (negative counts as 0). */
    synchronized void record(long key, long took) {
        long[] runs = lastThree.computeIfAbsent(key, k -> new long[] {-1, -1, -1});
        runs[2] = runs[1];
        runs[1] = runs[0];
        runs[0] = Math.max(0, took);
    }
}
