package org.tunelab.kernel;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import jdk.jshell.execution.Util;

/**
 * The main class of a kernel's child JVM: runs JShell's snippets in this JVM and talks to the host over
 * stdin/stdout (see {@link AgentChannel}). Started by {@link KernelLauncher} only.
 *
 * <p>stdout carries the protocol, so nothing else may write to file descriptor 1: the JVM's own messages go
 * to stderr (launcher flags), and System.out/err are replaced by JShell's forwarding streams before any
 * snippet runs.
 */
public final class KernelAgent {
    private KernelAgent() {
    }

    public static void main(String[] args) throws Exception {
        OutputStream toHost = new FileOutputStream(FileDescriptor.out);
        System.setOut(System.err); // until JShell installs the forwarding stream
        AgentLines.DisplayLine display = new AgentLines.DisplayLine();
        AgentLines.GatewayLine gateway = new AgentLines.GatewayLine();
        System.getProperties().put(AgentLines.DISPLAY_HOOK, display);
        System.getProperties().put(AgentLines.GATEWAY_HOOK, gateway);
        // Runs each snippet in its own thread group; its stop() throws ThreadDeath into it.
        AgentExecutionControl control = new AgentExecutionControl(display::value);
        InputStream fromHost = new AgentChannel.Receiver(new FileInputStream(FileDescriptor.in), () -> {
            try {
                control.stop();
            } catch (Exception e) {
                System.err.println("kernel agent: stop failed: " + e);
            }
        }, gateway::answer);
        Map<String, Consumer<OutputStream>> outputs = Map.of(
                "out", s -> System.setOut(new PrintStream(s, true, StandardCharsets.UTF_8)),
                "err", s -> System.setErr(new PrintStream(s, true, StandardCharsets.UTF_8)),
                "display", display::connect,
                "gateway", gateway::connect);
        Map<String, Consumer<InputStream>> inputs = Map.of("in", System::setIn);
        try {
            Util.forwardExecutionControlAndIO(control, fromHost, toHost, outputs, inputs);
        } finally {
            // Threads a student started must not keep a closed kernel alive.
            Runtime.getRuntime().halt(0);
        }
    }
}
