package org.tunelab.kernel;

import java.io.OutputStream;
import java.util.Map;
import java.util.function.Supplier;
import jdk.jshell.execution.StreamingExecutionControl;
import jdk.jshell.execution.Util;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JShell execution engine that runs snippets in a child JVM and talks to it over the child's stdin/stdout.
 * JShell's default JDI engine pays about 190 ms per eval on its loopback socket; this pipe takes 6-40 ms.
 * One instance starts one child; {@link #process()} is that child, for stopping and killing it.
 */
final class PipeEngine implements ExecutionControlProvider {
    private final KernelLauncher launcher;
    private final OutputStream displays;
    private final GatewayHandler gateway;
    private final Supplier<String> owner;
    private volatile Process process;
    private volatile Control control;

    /**
     * @param displays receives the child's "display" channel
     * @param gateway  answers the child's gateway requests (null: none)
     * @param owner    who the kernel belongs to now, told to the gateway with each request
     */
    PipeEngine(KernelLauncher launcher, OutputStream displays, GatewayHandler gateway, Supplier<String> owner) {
        this.launcher = launcher;
        this.displays = displays;
        this.gateway = gateway;
        this.owner = owner;
    }

    @Override
    public String name() {
        return "tunelab-pipe";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) throws Throwable {
        Process child = launcher.start();
        process = child;
        AgentChannel.Sender toChild = new AgentChannel.Sender(child.getOutputStream());
        return Util.remoteInputOutput(child.getInputStream(), toChild,
                Map.of("out", env.userOut(), "err", env.userErr(), "display", displays,
                        "gateway", new GatewayEndpoint(gateway, owner, toChild)),
                Map.of("in", env.userIn()),
                (in, out) -> {
                    control = new Control(out, in, toChild);
                    return control;
                });
    }

    /**
     * The child's heap in use and its limit, in bytes; null if it cannot tell. Call only between runs: it uses
     * JShell's command channel.
     */
    long[] heap() {
        Control current = control;
        if (current == null) {
            return null;
        }
        try {
            if (current.extensionCommand(AgentExecutionControl.HEAP, null) instanceof String answer) {
                String[] bytes = answer.split(" ");
                return new long[] {Long.parseLong(bytes[0]), Long.parseLong(bytes[1])};
            }
            return null;
        } catch (ExecutionControl.ExecutionControlException | RuntimeException e) {
            return null; // RuntimeException: not two numbers (student code can reach the child's side of the channel)
        }
    }

    /** Asks the child to collect its garbage and give free heap back to the system. Call only between runs. */
    void trim() {
        Control current = control;
        if (current != null) {
            try {
                current.extensionCommand(AgentExecutionControl.TRIM, null);
            } catch (ExecutionControl.ExecutionControlException e) {
                // The child is ending; so is its memory.
            }
        }
    }

    /**
     * How long the child has been running a snippet's code, in nanoseconds; -1 while it is not (the server still
     * compiling the snippet, or between snippets).
     */
    long runningFor() {
        Control current = control;
        return current == null ? -1 : current.runningFor();
    }

    /** The child JVM, once {@link #generate} has run. */
    Process process() {
        return process;
    }

    /** JShell's stream-based control, with a stop that reaches a running snippet. */
    private static final class Control extends StreamingExecutionControl {
        private final AgentChannel.Sender toChild;

        Control(java.io.ObjectOutput out, java.io.ObjectInput in, AgentChannel.Sender toChild) {
            super(out, in);
            this.toChild = toChild;
        }

        /** When the child began running the snippet it runs now (System.nanoTime), 0 when it runs none. */
        private volatile long invokedAt;

        long runningFor() {
            long at = invokedAt;
            return at == 0 ? -1 : System.nanoTime() - at;
        }

        @Override
        public String invoke(String className, String methodName)
                throws RunException, EngineTerminationException, InternalException {
            invokedAt = System.nanoTime();
            try {
                return super.invoke(className, methodName);
            } finally {
                invokedAt = 0;
            }
        }

        @Override
        public void stop() throws EngineTerminationException {
            try {
                toChild.sendStop();
            } catch (java.io.IOException e) {
                throw new EngineTerminationException("kernel: could not send stop to the child JVM: " + e);
            }
        }
    }
}
