package org.tunelab.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A kernel counts as training, on purpose, exactly while one of its jobs holds a slot. */
class JobSlotsTest {
    @Test
    void aKernelTrainsWhileItsJobHoldsASlot() throws Exception {
        JobSlots slots = new JobSlots(1, 200);
        JobSlots.Turn ada = slots.take(null, "ada/lesson/fine-tune-and-watch");
        JobSlots.Turn bob = slots.take(null, "bob/lesson/fine-tune-and-watch");
        assertTrue(ada.granted() && !bob.granted());
        assertTrue(slots.training("ada/lesson/fine-tune-and-watch"));
        assertFalse(slots.training("bob/lesson/fine-tune-and-watch"), "queued is not training");
        assertFalse(slots.training(null));
        slots.release(ada.ticket());
        assertFalse(slots.training("ada/lesson/fine-tune-and-watch"), "released");
        assertTrue(slots.take(bob.ticket(), "bob/lesson/fine-tune-and-watch").granted());
        Thread.sleep(300);
        assertFalse(slots.training("bob/lesson/fine-tune-and-watch"), "a lease not renewed expires");
    }
}
