package org.tunelab.web;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A sliding one-minute allowance per key (a student): at most {@code limit} units in any 60 seconds. */
final class PerMinute {
    private static final long MINUTE_NANOS = 60_000_000_000L;

    private final int limit;
    private final Map<String, ArrayDeque<Long>> recent = new ConcurrentHashMap<>();

    PerMinute(int limit) {
        this.limit = limit;
    }

    int limit() {
        return limit;
    }

    /** Whether {@code key} has used its whole allowance in the last minute (this takes nothing). */
    boolean exhausted(String key) {
        ArrayDeque<Long> times = recent.get(key);
        if (times == null) {
            return false;
        }
        synchronized (times) {
            long now = System.nanoTime();
            while (!times.isEmpty() && now - times.peekFirst() > MINUTE_NANOS) {
                times.pollFirst();
            }
            return times.size() >= limit;
        }
    }

    /** Takes {@code units} of {@code key}'s allowance if the last minute leaves room for all of them. */
    boolean admit(String key, int units) {
        ArrayDeque<Long> times = recent.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            long now = System.nanoTime();
            while (!times.isEmpty() && now - times.peekFirst() > MINUTE_NANOS) {
                times.pollFirst();
            }
            if (times.size() + units > limit) {
                return false;
            }
            for (int i = 0; i < units; i++) {
                times.addLast(now);
            }
            return true;
        }
    }
}
