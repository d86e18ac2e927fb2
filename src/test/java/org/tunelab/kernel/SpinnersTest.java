package org.tunelab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The idle CPU check on real kernels: one left spinning by its cell, one quiet. */
class SpinnersTest {
    private static final KernelConfig CONFIG = KernelConfig.defaults().withPoolSize(0);
    private static final String SPIN = "Thread t = new Thread(() -> { long end = System.nanoTime() + 60_000_000_000L; "
            + "while (System.nanoTime() < end) { } }); t.setDaemon(true); t.start();";

    @Test
    void aKernelHotAtThreeChecksInARowIsNamedAndARunBetweenDoesNotResetTheCount() throws Exception {
        try (Kernel spinner = Kernel.start(CONFIG); Kernel quiet = Kernel.start(CONFIG)) {
            spinner.run(SPIN);
            Spinners spinners = new Spinners();
            Map<String, Kernel> idle = Map.of("ada/spin", spinner, "bob/quiet", quiet);
            List<List<String>> named = new ArrayList<>();
            named.add(spinners.spinning(idle, Set.of())); // the first sample
            Thread.sleep(1100);
            named.add(spinners.spinning(idle, Set.of())); // hot once
            Thread.sleep(1100);
            named.add(spinners.spinning(Map.of("bob/quiet", quiet), Set.of("ada/spin"))); // ada runs a cell now
            Thread.sleep(1100);
            named.add(spinners.spinning(idle, Set.of())); // hot twice: the run did not reset it
            Thread.sleep(1100);
            named.add(spinners.spinning(idle, Set.of())); // three times
            assertEquals(List.of(List.of(), List.of(), List.of(), List.of(), List.of("ada/spin")), named);
        }
    }

    @Test
    void aKernelNeitherIdleNorRunningStartsCountingAfresh() throws Exception {
        try (Kernel spinner = Kernel.start(CONFIG)) {
            spinner.run(SPIN);
            Spinners spinners = new Spinners();
            Map<String, Kernel> idle = Map.of("ada/spin", spinner);
            List<List<String>> named = new ArrayList<>();
            for (int check = 0; check < 3; check++) { // the first sample, then hot twice
                named.add(spinners.spinning(idle, Set.of()));
                Thread.sleep(1100);
            }
            named.add(spinners.spinning(Map.of(), Set.of())); // busy on purpose (a training job), say
            Thread.sleep(1100);
            for (int check = 0; check < 3; check++) { // a first sample again, then hot twice: not yet three
                named.add(spinners.spinning(idle, Set.of()));
                Thread.sleep(1100);
            }
            named.add(spinners.spinning(idle, Set.of()));
            assertEquals(List.of(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                    List.of("ada/spin")), named);
        }
    }
}
