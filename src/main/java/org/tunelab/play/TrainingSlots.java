package org.tunelab.play;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * The server's training slots, as a job sees them: at most a configured number of jobs train at once across the
 * server; the others wait their turn. A job holds its slot by asking again at least every few seconds, so a
 * job whose kernel died frees it. Outside a kernel there is no limit.
 */
final class TrainingSlots {
    private String ticket;

    /** The answer to "may I train?": granted, or the number of jobs ahead. */
    record Turn(boolean granted, int ahead) {
    }

    /** Asks for (or keeps) a slot. */
    Turn take() {
        if (!Gateway.available()) {
            return new Turn(true, 0);
        }
        Map<String, Object> request = new HashMap<>();
        request.put("op", "slot.take");
        request.put("ticket", ticket);
        JsonNode a = Gateway.call(request);
        ticket = a.path("ticket").asText();
        return new Turn(a.path("granted").asBoolean(), a.path("ahead").asInt());
    }

    /** Gives the slot (or the place in the queue) back. */
    void release() {
        if (Gateway.available() && ticket != null) {
            try {
                Gateway.call(Map.of("op", "slot.release", "ticket", ticket));
            } catch (RuntimeException e) {
                // the slot expires on the server anyway
            }
        }
    }
}
