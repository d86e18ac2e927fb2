package org.tunelab.kernel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The host's end of one child's gateway: receives request lines ({@code "<id> <request>\n"}) on the child's
 * "gateway" output channel, answers each on a gateway thread with the {@link GatewayHandler}, and sends the
 * answer back as a {@link AgentChannel#GATEWAY_ANSWER} frame ({@code "<id> <answer>"}).
 */
final class GatewayEndpoint extends OutputStream {
    /** The largest request or answer: a chat with a long prompt fits, a flood does not. */
    static final int MAX_BYTES = 8 * 1024 * 1024;
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "kernel-gateway-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    private static final String NO_HANDLER = "{\"ok\":false,\"error\":\"This kernel has no line to the server.\"}";

    private final GatewayHandler handler;
    private final Supplier<String> owner;
    private final AgentChannel.Sender toChild;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private boolean overflow;

    GatewayEndpoint(GatewayHandler handler, Supplier<String> owner, AgentChannel.Sender toChild) {
        this.handler = handler;
        this.owner = owner;
        this.toChild = toChild;
    }

    @Override
    public void write(int b) {
        if (b == '\n') {
            if (!overflow) {
                dispatch(line.toString(StandardCharsets.UTF_8));
            }
            line.reset();
            overflow = false;
        } else if (line.size() < MAX_BYTES) {
            line.write(b);
        } else {
            overflow = true; // the request is dropped; the child times out waiting for it
        }
    }

    @Override
    public void write(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    private void dispatch(String request) {
        int space = request.indexOf(' ');
        if (space < 0) {
            return;
        }
        String id = request.substring(0, space);
        String body = request.substring(space + 1);
        String asker = owner.get();
        WORKERS.execute(() -> {
            String answer;
            try {
                answer = handler == null ? NO_HANDLER : handler.handle(asker, body);
            } catch (RuntimeException e) {
                answer = "{\"ok\":false,\"error\":\"The server failed on this request.\"}";
                System.getLogger(GatewayEndpoint.class.getName()).log(System.Logger.Level.WARNING,
                        "kernel gateway: handler failed", e);
            }
            try {
                toChild.sendGatewayAnswer((id + " " + answer).getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // the child has ended; nobody waits for the answer
            }
        });
    }
}
