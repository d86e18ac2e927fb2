package org.tunelab.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The server's training slots: at most {@code slots} fine-tuning jobs train at once, across all kernels; the
 * others queue in order of arrival. A ticket that is not asked about for {@code leaseMillis} (its kernel died or
 * was closed) is dropped, so a lost job cannot hold a slot.
 */
final class JobSlots {
    /** The answer to one ask: whether the ticket may train, and if not how many jobs are ahead of it (training or queued). */
    record Turn(String ticket, boolean granted, int ahead) {
    }

    private final int slots;
    private final long leaseMillis;
    private final Map<String, Long> holders = new LinkedHashMap<>(); // ticket -> last seen
    private final Map<String, Long> queue = new LinkedHashMap<>();   // in arrival order
    private final Map<String, String> owners = new LinkedHashMap<>(); // ticket -> the kernel that asked, if known

    JobSlots(int slots, long leaseMillis) {
        if (slots < 1) {
            throw new IllegalArgumentException("training slots must be at least 1, was " + slots);
        }
        this.slots = slots;
        this.leaseMillis = leaseMillis;
    }

    /**
     * Takes or keeps a slot for the ticket (null: a new ticket, at the end of the queue) on behalf of a kernel
     * ({@code owner}, its key; null if unknown).
     */
    synchronized Turn take(String ticket, String owner) {
        long now = System.currentTimeMillis();
        expire(now);
        String t = ticket == null || ticket.isBlank() ? UUID.randomUUID().toString() : ticket;
        if (owner != null) {
            owners.put(t, owner);
        }
        if (holders.containsKey(t)) {
            holders.put(t, now);
            return new Turn(t, true, 0);
        }
        queue.putIfAbsent(t, now);
        queue.put(t, now);
        List<String> order = new ArrayList<>(queue.keySet());
        int position = order.indexOf(t);
        if (position < slots - holders.size()) {
            queue.remove(t);
            holders.put(t, now);
            return new Turn(t, true, 0);
        }
        return new Turn(t, false, holders.size() + position);
    }

    synchronized void release(String ticket) {
        holders.remove(ticket);
        queue.remove(ticket);
        owners.remove(ticket);
    }

    /** Whether a job of this kernel ({@code owner}, its key) holds a slot now: it is training, on purpose. */
    synchronized boolean training(String owner) {
        expire(System.currentTimeMillis());
        return owner != null && holders.keySet().stream().anyMatch(t -> owner.equals(owners.get(t)));
    }

    /** How many jobs train now. */
    synchronized int training() {
        expire(System.currentTimeMillis());
        return holders.size();
    }

    private void expire(long now) {
        holders.values().removeIf(seen -> now - seen > leaseMillis);
        queue.values().removeIf(seen -> now - seen > leaseMillis);
        owners.keySet().removeIf(t -> !holders.containsKey(t) && !queue.containsKey(t));
    }
}
