package org.tunelab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Who is expected to take a kernel soon: one expectation each, at most so many at once, for so long. */
class ExpectationsTest {
    private static final long MINUTE = 60_000_000_000L;
    private static final int MOST = 50;
    /** No kernels beyond the pool's own: each student needs one asked for. */
    private static final java.util.function.IntPredicate NONE = students -> false;

    @Test
    void oneExpectationPerStudentUntilTheyArrive() {
        Expectations expected = new Expectations(MOST, java.time.Duration.ofMinutes(10));
        assertTrue(expected.add("ada", 0, NONE));
        assertFalse(expected.add("ada", 1, NONE), "a second lesson page does not ask for a second kernel");
        assertTrue(expected.add("bob", 2, NONE));
        assertTrue(expected.arrived("ada"), "a kernel was asked for her");
        assertFalse(expected.arrived("ada"), "once");
        assertFalse(expected.arrived("cy"), "never expected");
        assertTrue(expected.add("ada", 3, NONE), "expected again after her kernel was closed, say");
        assertEquals(2, expected.size());
    }

    @Test
    void atMostAClassAtOnceAndNotForLong() {
        Expectations expected = new Expectations(MOST, java.time.Duration.ofMinutes(10));
        for (int i = 0; i < MOST; i++) {
            assertTrue(expected.add("student-" + i, i * MINUTE / 10, NONE));
        }
        assertFalse(expected.add("one-too-many", 0, NONE));
        long tenMinutes = 10 * MINUTE;
        assertEquals(0, expected.expire(tenMinutes), "nobody waited longer than that yet");
        assertEquals(10, expected.expire(tenMinutes + MINUTE), "the 10 who came in the first minute are given up");
        assertEquals(MOST - 10, expected.size());
        assertTrue(expected.add("one-too-many", tenMinutes + MINUTE, NONE), "and make room");
    }

    @Test
    void kernelsAnInstructorPreparedCoverStudentsWithoutAskingForMore() {
        Expectations expected = new Expectations(MOST, java.time.Duration.ofMinutes(10));
        java.util.function.IntPredicate twoPrepared = students -> 2 >= students;
        assertFalse(expected.add("ada", 0, twoPrepared), "covered by the two");
        assertFalse(expected.add("bob", 0, twoPrepared), "covered by the two");
        assertTrue(expected.add("cy", 0, twoPrepared), "the third needs one");
        assertFalse(expected.arrived("ada"), "nothing was asked for her, so nothing to give up");
        assertTrue(expected.arrived("cy"));
        assertTrue(expected.contains("bob"));
        assertEquals(0, expected.expire(20 * MINUTE), "bob is given up, and nothing had been asked for him");
        assertFalse(expected.contains("bob"));
    }
}
