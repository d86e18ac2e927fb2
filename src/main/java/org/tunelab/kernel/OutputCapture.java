package org.tunelab.kernel;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Collects a kernel's output for the run in progress: keeps up to a cap (stdout and stderr together), passes
 * text to the run's listener as it arrives, and calls a flood handler once when far more than the cap arrives.
 * Output while no run is in progress (e.g. a student's background thread) is dropped.
 */
final class OutputCapture {
    record Captured(String stdout, String stderr, boolean truncated, java.util.List<String> displays,
                    String valueDisplay) {
    }

    /** How many bytes of display specs one run keeps (a spec replaced by a later one with its id is not counted). */
    static final int DISPLAY_CAP_BYTES = 2 * 1024 * 1024;

    private final Object lock = new Object();
    private Run run;

    /** A stream that feeds this capture as {@code name} ("stdout" or "stderr"). */
    OutputStream stream(String name) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                accept(name, new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                accept(name, b, off, len);
            }
        };
    }

    void begin(int capBytes, long floodBytes, OutputListener listener, Runnable onFlood) {
        synchronized (lock) {
            run = new Run(capBytes, floodBytes, listener, onFlood);
        }
    }

    Captured end() {
        synchronized (lock) {
            Run finished = run;
            run = null;
            if (finished == null) {
                return new Captured("", "", false, java.util.List.of(), null);
            }
            return new Captured(finished.stdout.toString(StandardCharsets.UTF_8),
                    finished.stderr.toString(StandardCharsets.UTF_8), finished.truncated,
                    java.util.List.copyOf(finished.displays.values()), finished.valueDisplay);
        }
    }

    private void accept(String stream, byte[] b, int off, int len) {
        if ("display".equals(stream)) {
            acceptDisplay(b, off, len);
            return;
        }
        Runnable flood = null;
        synchronized (lock) {
            Run r = run;
            if (r == null || len <= 0) {
                return;
            }
            r.received += len;
            int room = r.capBytes - r.stdout.size() - r.stderr.size();
            int kept = Math.max(0, Math.min(room, len));
            if (kept < len) {
                r.truncated = true;
            }
            if (kept > 0) {
                boolean isErr = "stderr".equals(stream);
                (isErr ? r.stderr : r.stdout).write(b, off, kept);
                if (r.listener != null) {
                    String text = (isErr ? r.errText : r.outText).decode(b, off, kept);
                    if (!text.isEmpty()) {
                        try {
                            r.listener.output(stream, text);
                        } catch (RuntimeException e) {
                            System.getLogger(OutputCapture.class.getName()).log(System.Logger.Level.WARNING,
                                    "kernel: output listener failed; output is still captured", e);
                        }
                    }
                }
            }
            if (r.received > r.floodBytes && !r.flooded) {
                r.flooded = true;
                flood = r.onFlood;
            }
        }
        if (flood != null) {
            flood.run();
        }
    }

    /** Display lines ({@code "d<id>\t<spec>"} or {@code "v\t<spec>"}, see AgentLines) arrive in pieces. */
    private void acceptDisplay(byte[] b, int off, int len) {
        synchronized (lock) {
            Run r = run;
            if (r == null) {
                return;
            }
            for (int i = off; i < off + len; i++) {
                if (b[i] != '\n') {
                    if (r.displayLine.size() <= DISPLAY_CAP_BYTES) {
                        r.displayLine.write(b[i]);
                    }
                    continue;
                }
                String line = r.displayLine.toString(StandardCharsets.UTF_8);
                r.displayLine.reset();
                int tab = line.indexOf('\t');
                if (tab < 1) {
                    continue;
                }
                String spec = line.substring(tab + 1);
                if (line.charAt(0) == 'v') {
                    r.valueDisplay = spec;
                    continue;
                }
                String id = line.substring(1, tab);
                String key = id.isEmpty() ? "#" + r.displays.size() : id;
                String previous = r.displays.get(key);
                long size = r.displayBytes - (previous == null ? 0 : previous.length()) + spec.length();
                if (size > DISPLAY_CAP_BYTES) {
                    r.truncated = true;
                    continue;
                }
                r.displayBytes = size;
                r.displays.put(key, spec); // a spec with a known id takes the earlier one's place
                if (r.listener != null) {
                    try {
                        r.listener.output("display", spec);
                    } catch (RuntimeException e) {
                        System.getLogger(OutputCapture.class.getName()).log(System.Logger.Level.WARNING,
                                "kernel: output listener failed on a display; it is still captured", e);
                    }
                }
            }
        }
    }

    private static final class Run {
        final int capBytes;
        final long floodBytes;
        final OutputListener listener;
        final Runnable onFlood;
        final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        final Utf8Text outText = new Utf8Text();
        final Utf8Text errText = new Utf8Text();
        final ByteArrayOutputStream displayLine = new ByteArrayOutputStream();
        final java.util.LinkedHashMap<String, String> displays = new java.util.LinkedHashMap<>();
        long displayBytes;
        String valueDisplay;
        long received;
        boolean truncated;
        boolean flooded;

        Run(int capBytes, long floodBytes, OutputListener listener, Runnable onFlood) {
            this.capBytes = capBytes;
            this.floodBytes = floodBytes;
            this.listener = listener;
            this.onFlood = onFlood;
        }
    }

    /** Decodes UTF-8 arriving in pieces, holding back a character split between pieces. */
    private static final class Utf8Text {
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        private ByteBuffer pending = ByteBuffer.allocate(0);

        String decode(byte[] b, int off, int len) {
            ByteBuffer in = ByteBuffer.allocate(pending.remaining() + len);
            in.put(pending).put(b, off, len).flip();
            CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
            decoder.decode(in, out, false);
            pending = in.slice();
            return out.flip().toString();
        }
    }
}
