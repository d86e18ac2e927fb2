package org.tunelab.kernel;

import java.util.Map;
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
    private volatile Process process;

    PipeEngine(KernelLauncher launcher) {
        this.launcher = launcher;
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
                Map.of("out", env.userOut(), "err", env.userErr()),
                Map.of("in", env.userIn()),
                (in, out) -> new Control(out, in, toChild));
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
