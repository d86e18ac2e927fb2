package org.tunelab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Servers on one machine hand their kernels user ids from blocks that do not overlap. */
class UidBlockTest {
    @TempDir
    Path dir;

    @Test
    void twoServersGetDifferentBlocksWhoseIdsNeverMeet() {
        UidBlock first = UidBlock.claim(dir);
        UidBlock second = UidBlock.claim(dir); // the first still holds its lock
        assertNotEquals(first.index(), second.index());
        Set<Integer> ids = new HashSet<>();
        for (int n = 0; n < 20_000; n++) {
            ids.add(first.uid(Sandbox.FIRST_UID, Sandbox.UIDS, n));
        }
        assertEquals(Sandbox.UIDS / UidBlock.BLOCKS, ids.size(), "a block wraps round within its own ids");
        for (int n = 0; n < 20_000; n++) {
            int uid = second.uid(Sandbox.FIRST_UID, Sandbox.UIDS, n);
            assertTrue(!ids.contains(uid) && uid >= Sandbox.FIRST_UID && uid < Sandbox.FIRST_UID + Sandbox.UIDS, "uid " + uid);
        }
    }

    @Test
    void withEveryBlockTakenAServerStillGetsOne() {
        for (int i = 0; i < UidBlock.BLOCKS; i++) {
            UidBlock.claim(dir);
        }
        int index = UidBlock.claim(dir).index();
        assertTrue(index >= 0 && index < UidBlock.BLOCKS);
    }
}
