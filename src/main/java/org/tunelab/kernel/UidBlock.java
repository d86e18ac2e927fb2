package org.tunelab.kernel;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Which share of the kernels' user ids this server hands out. Two servers on one machine (a cluster's instances)
 * must not give two kernels the same user id: RLIMIT_NPROC counts threads per user id across the machine, so one
 * student's thread bomb would eat another server's kernel's threads. Each server holds an exclusive lock on one of
 * {@value #BLOCKS} lock files for as long as it runs, and uses that block's ids only.
 */
final class UidBlock {
    static final int BLOCKS = 6;

    private final int index;
    @SuppressWarnings({"unused", "FieldCanBeLocal"}) // held for the life of the JVM: the lock is the point
    private final FileLock lock;

    private UidBlock(int index, FileLock lock) {
        this.index = index;
        this.lock = lock;
    }

    /** The first free block under {@code folder}; with none free, a random one (and no lock). */
    static UidBlock claim(Path folder) {
        for (int i = 0; i < BLOCKS; i++) {
            try {
                FileChannel channel = FileChannel.open(folder.resolve("tunelab-kernel-uids-" + i + ".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return new UidBlock(i, lock);
                }
                channel.close();
            } catch (OverlappingFileLockException | IOException e) {
                // this JVM holds it already, or the file cannot be opened: try the next
            }
        }
        return new UidBlock(ThreadLocalRandom.current().nextInt(BLOCKS), null);
    }

    int index() {
        return index;
    }

    /** The {@code n}th user id of this block, wrapping round within it. */
    int uid(int first, int total, int n) {
        int size = total / BLOCKS;
        return first + index * size + Math.floorMod(n, size);
    }
}
