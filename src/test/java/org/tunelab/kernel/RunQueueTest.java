package org.tunelab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The server's run slots on their own (FairnessTest drives them through real kernels): order, places, giving up. */
class RunQueueTest {
    private static final Duration LONG = Duration.ofSeconds(30);

    /** When each waiter came, as the queue sees it: set by the tests that need it, so no test waits seconds. */
    private final AtomicLong now = new AtomicLong();
    private final RunQueue queue = new RunQueue(1, now::get);
    private final List<String> admitted = new CopyOnWriteArrayList<>();

    /**
     * Enters in a thread of its own; once in, notes its name and leaves at once, letting the next one in. Returns once
     * the waiter has been told its place (it then stands in the queue, its place counted while the slot was taken).
     */
    private Thread waiter(String name, List<Integer> places) throws InterruptedException {
        return waiter(name, places, 0);
    }

    /** As {@link #waiter(String, List)}, expecting to take {@code expectedMillis} once in. */
    private Thread waiter(String name, List<Integer> places, long expectedMillis) throws InterruptedException {
        Thread t = new Thread(() -> {
            try {
                if (queue.enter(LONG, places::add, () -> TimeUnit.MILLISECONDS.toNanos(expectedMillis))) {
                    admitted.add(name);
                    queue.leave();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (places.isEmpty()) {
            assertTrue(System.nanoTime() < deadline, name + " was never told its place");
            Thread.sleep(5);
        }
        return t;
    }

    @Test
    void waitersGoInTheOrderTheyCameAndEachIsToldItsPlace() throws Exception {
        assertTrue(queue.enter(LONG, null));
        List<Integer> aPlaces = new CopyOnWriteArrayList<>();
        List<Integer> bPlaces = new CopyOnWriteArrayList<>();
        List<Integer> cPlaces = new CopyOnWriteArrayList<>();
        Thread a = waiter("a", aPlaces);
        Thread b = waiter("b", bPlaces);
        Thread c = waiter("c", cPlaces);
        assertEquals(3, queue.waiting());
        assertEquals(1, queue.running());
        queue.leave();
        for (Thread t : List.of(a, b, c)) {
            t.join(10_000);
        }
        assertEquals(List.of("a", "b", "c"), admitted);
        assertEquals(List.of(1), aPlaces);
        assertEquals(2, bPlaces.get(0));
        assertEquals(3, cPlaces.get(0));
        assertEquals(0, queue.running());
        assertEquals(0, queue.waiting());
    }

    @Test
    void aWaiterThatWaitsTooLongGivesUpAndTheOneBehindItMovesUp() throws Exception {
        assertTrue(queue.enter(LONG, null));
        assertFalse(queue.enter(Duration.ofMillis(50), null), "the only slot stays taken");
        assertEquals(0, queue.waiting(), "a waiter that gave up leaves the queue");
        Thread next = waiter("next", new CopyOnWriteArrayList<>());
        queue.leave();
        next.join(10_000);
        assertEquals(List.of("next"), admitted, "the one that gave up does not hold up those behind it");
    }

    @Test
    void aQuickWaiterPassesLongerOnesThatCameShortlyBeforeItAndIsToldItsNewPlace() throws Exception {
        assertTrue(queue.enter(LONG, null));
        List<Integer> longPlaces = new CopyOnWriteArrayList<>();
        Thread slow = waiter("long", longPlaces, 200);
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
        Thread medium = waiter("medium", new CopyOnWriteArrayList<>(), 100);
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(100));
        List<Integer> quickPlaces = new CopyOnWriteArrayList<>();
        Thread quick = waiter("quick", quickPlaces, 0);
        assertEquals(List.of(1), quickPlaces,
                "quick is due 600 ms after the first came, medium at 500 + 20 x 100, long at 20 x 200");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!longPlaces.contains(3)) {
            assertTrue(System.nanoTime() < deadline, "the long one was told it is now third: " + longPlaces);
            Thread.sleep(5);
        }
        queue.leave();
        for (Thread t : List.of(slow, medium, quick)) {
            t.join(10_000);
        }
        assertEquals(List.of("quick", "medium", "long"), admitted);
    }

    @Test
    void aLongWaiterIsPassedOnlyByThoseThatCameWithinTheMostHeadstart() throws Exception {
        assertTrue(queue.enter(LONG, null));
        Thread slow = waiter("long", new CopyOnWriteArrayList<>(), 60_000);
        now.addAndGet(RunQueue.MOST_HEADSTART.toNanos() - 1);
        Thread within = waiter("within", new CopyOnWriteArrayList<>(), 0);
        now.addAndGet(2);
        Thread after = waiter("after", new CopyOnWriteArrayList<>(), 0);
        queue.leave();
        for (Thread t : List.of(slow, within, after)) {
            t.join(10_000);
        }
        assertEquals(List.of("within", "long", "after"), admitted,
                "a minute's expectation counts as " + RunQueue.MOST_HEADSTART);
    }

    @Test
    void aWaiterThatIsInterruptedLeavesTheQueue() throws Exception {
        assertTrue(queue.enter(LONG, null));
        Thread gone = waiter("gone", new CopyOnWriteArrayList<>());
        gone.interrupt();
        gone.join(10_000);
        assertEquals(0, queue.waiting());
        Thread next = waiter("next", new CopyOnWriteArrayList<>());
        queue.leave();
        next.join(10_000);
        assertEquals(List.of("next"), admitted);
        assertEquals(0, queue.running());
    }
}
