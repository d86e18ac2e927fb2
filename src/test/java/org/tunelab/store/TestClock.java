package org.tunelab.store;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock the test moves by hand, so times in assertions are exact. It starts at {@link #T0}. */
final class TestClock extends Clock {
    static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

    private final AtomicLong millis = new AtomicLong(T0.toEpochMilli());

    /** Sets the time to {@code minutes} after {@link #T0}. */
    Instant at(int minutes) {
        millis.set(minute(minutes).toEpochMilli());
        return instant();
    }

    static Instant minute(int m) {
        return T0.plusSeconds(60L * m);
    }

    @Override public ZoneId getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(ZoneId zone) { throw new UnsupportedOperationException(); }
    @Override public Instant instant() { return Instant.ofEpochMilli(millis.get()); }
}
