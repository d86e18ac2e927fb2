package org.tunelab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What the run queue expects a cell to take: nothing until one has run, then its last few runs. */
class RunCostsTest {
    private final RunCosts costs = new RunCosts();

    @Test
    void codeNotRunLatelyIsExpectedToTakeNothing() {
        assertEquals(0, costs.expected(RunCosts.key("1 + 1")));
    }

    @Test
    void theGuessIsTheMiddleOfTheLastThreeRunsOfTheSameCode() {
        long cell = RunCosts.key("Thread.sleep(100);");
        costs.record(cell, 1_700);
        assertEquals(1_700, costs.expected(cell), "one run: what it took");
        costs.record(cell, 100);
        assertEquals(100, costs.expected(cell), "two: the lower, so one slowed run does not make the cell look long");
        costs.record(cell, 120);
        assertEquals(120, costs.expected(cell), "three: the middle");
        costs.record(cell, 2_000);
        costs.record(cell, 2_100);
        assertEquals(2_000, costs.expected(cell), "the runs before the last three are forgotten");
        assertEquals(0, costs.expected(RunCosts.key("Thread.sleep(101);")), "other code is not guessed from it");
    }

    @Test
    void onlyTheMostRecentlyUsedAreKept() {
        long first = RunCosts.key("first");
        costs.record(first, 7);
        for (int i = 0; i < RunCosts.MOST; i++) {
            costs.record(RunCosts.key("cell " + i), 1);
        }
        assertEquals(0, costs.expected(first), "forgotten after " + RunCosts.MOST + " others");
        assertEquals(1, costs.expected(RunCosts.key("cell " + (RunCosts.MOST - 1))));
    }
}
