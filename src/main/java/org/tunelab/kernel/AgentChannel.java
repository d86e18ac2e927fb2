package org.tunelab.kernel;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The host-to-child half of the pipe, framed so that a stop request can overtake a running snippet.
 *
 * <p>JShell's own stop command travels on the command channel, which the agent only reads between
 * commands, i.e. after the snippet it should stop has finished. So every chunk the host sends is framed
 * as {@code int length, bytes}, and a stop is the lone frame {@code int -1}. The agent's I/O thread
 * (JShell's demultiplexer, which keeps reading while a snippet runs) unwraps the frames and acts on a
 * stop at once. An answer from the server to a gateway request is the frame {@code int -2, int length, bytes},
 * handed to the agent's gateway line at once (the snippet that asked is waiting for it).
 */
final class AgentChannel {
    static final int STOP = -1;
    static final int GATEWAY_ANSWER = -2;

    private AgentChannel() {
    }

    /** Host side: frames what JShell writes, and sends stop frames. */
    static final class Sender extends OutputStream {
        private final DataOutputStream out;

        Sender(OutputStream toChild) {
            this.out = new DataOutputStream(toChild);
        }

        @Override
        public synchronized void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return;
            }
            out.writeInt(len);
            out.write(b, off, len);
        }

        @Override
        public synchronized void flush() throws IOException {
            out.flush();
        }

        synchronized void sendGatewayAnswer(byte[] answer) throws IOException {
            out.writeInt(GATEWAY_ANSWER);
            out.writeInt(answer.length);
            out.write(answer);
            out.flush();
        }

        synchronized void sendStop() throws IOException {
            out.writeInt(STOP);
            out.flush();
        }

        @Override
        public synchronized void close() throws IOException {
            out.close();
        }
    }

    /** Child side: unwraps frames into the plain JShell byte stream and runs {@code onStop} for stop frames. */
    static final class Receiver extends InputStream {
        private final DataInputStream in;
        private final Runnable onStop;
        private final java.util.function.Consumer<byte[]> onGatewayAnswer;
        private int leftInFrame;

        Receiver(InputStream fromHost, Runnable onStop, java.util.function.Consumer<byte[]> onGatewayAnswer) {
            this.in = new DataInputStream(fromHost);
            this.onStop = onStop;
            this.onGatewayAnswer = onGatewayAnswer;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (leftInFrame == 0) {
                int header;
                try {
                    header = in.readInt();
                } catch (EOFException end) {
                    return -1;
                }
                if (header == STOP) {
                    onStop.run();
                } else if (header == GATEWAY_ANSWER) {
                    int length = in.readInt();
                    if (length < 0 || length > GatewayEndpoint.MAX_BYTES) {
                        throw new IOException("kernel agent: bad gateway answer length " + length + " on stdin");
                    }
                    onGatewayAnswer.accept(in.readNBytes(length));
                } else if (header < 0) {
                    throw new IOException("kernel agent: bad frame length " + header + " on stdin");
                } else {
                    leftInFrame = header;
                }
            }
            int n = in.read(b, off, Math.min(len, leftInFrame));
            if (n > 0) {
                leftInFrame -= n;
            }
            return n;
        }
    }
}
