package org.tunelab.kernel;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The child's ends of the two side channels the kernel offers code in it, installed as system properties so
 * that the play API can find them without depending on this package:
 * <ul>
 *   <li>{@value #DISPLAY_HOOK}: a {@code BiConsumer<String, String>} taking (id or null, display spec); each
 *       spec goes to the host on the "display" channel as the line {@code "d<id>\t<spec>"}, a cell's displayable
 *       value as {@code "v\t<spec>"}.</li>
 *   <li>{@value #GATEWAY_HOOK}: a {@code Function<String, String>} that sends a request to the server and waits
 *       for its answer (see {@link GatewayEndpoint}).</li>
 * </ul>
 */
final class AgentLines {
    static final String DISPLAY_HOOK = "org.tunelab.display";
    static final String GATEWAY_HOOK = "org.tunelab.gateway";
    /** The server answers or fails within its own limits; this only guards against a lost answer. */
    private static final long ANSWER_WAIT_MINUTES = 15;

    private AgentLines() {
    }

    /** Writes display lines to the host. */
    static final class DisplayLine implements BiConsumer<String, String> {
        private volatile OutputStream out;

        void connect(OutputStream stream) {
            out = stream;
        }

        @Override
        public void accept(String id, String spec) {
            send("d" + (id == null ? "" : id.replaceAll("\\s", "_")), spec);
        }

        /** Shows a cell's value. */
        void value(String spec) {
            send("v", spec);
        }

        private void send(String tag, String spec) {
            OutputStream stream = out;
            if (stream == null || spec == null) {
                return;
            }
            byte[] line = (tag + "\t" + spec.replace('\n', ' ') + "\n").getBytes(StandardCharsets.UTF_8);
            try {
                stream.write(line);
                stream.flush();
            } catch (IOException e) {
                // the host has gone; the kernel is ending
            }
        }
    }

    /**
     * Sends gateway requests and matches the answers to them. Uses monitors only, no java.util.concurrent locks:
     * a cell stopped while it waits gets ThreadDeath, which releases monitors cleanly but can leave such a lock
     * held by a dead thread.
     */
    static final class GatewayLine implements Function<String, String> {
        private final Object requestLock = new Object();
        private final ArrayDeque<String> answers = new ArrayDeque<>();
        private volatile OutputStream out;
        private long lastId;

        void connect(OutputStream stream) {
            out = stream;
        }

        /** Called on the agent's I/O thread with an answer frame. */
        void answer(byte[] frame) {
            synchronized (answers) {
                answers.add(new String(frame, StandardCharsets.UTF_8));
                answers.notifyAll();
            }
        }

        @Override
        public String apply(String request) {
            synchronized (requestLock) {
                OutputStream stream = out;
                if (stream == null) {
                    return "{\"ok\":false,\"error\":\"The kernel's line to the server is not open.\"}";
                }
                String prefix = ++lastId + " ";
                try {
                    stream.write((prefix + request.replace('\n', ' ') + "\n").getBytes(StandardCharsets.UTF_8));
                    stream.flush();
                    return await(prefix);
                } catch (IOException e) {
                    return "{\"ok\":false,\"error\":\"The kernel's line to the server is closed.\"}";
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return "{\"ok\":false,\"error\":\"Interrupted while waiting for the server.\"}";
                }
            }
        }

        private String await(String prefix) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(ANSWER_WAIT_MINUTES);
            synchronized (answers) {
                while (true) {
                    String answer = answers.poll();
                    if (answer == null) {
                        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                        if (left <= 0) {
                            return "{\"ok\":false,\"error\":\"The server did not answer.\"}";
                        }
                        answers.wait(left);
                    } else if (answer.startsWith(prefix)) {
                        return answer.substring(prefix.length());
                    }
                    // else: the answer to an earlier request whose cell was stopped; nobody wants it
                }
            }
        }
    }
}
