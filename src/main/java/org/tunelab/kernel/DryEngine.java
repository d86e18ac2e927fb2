package org.tunelab.kernel;

import java.util.Map;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * A JShell execution engine that runs nothing: a JShell built on it compiles every snippet exactly as a kernel's
 * does (same wrapping, same compiler tasks), and no code is loaded or executed, in this JVM or any other. Every
 * invocation and variable answers an empty value. Used to warm the server's compiler on a course's own cells
 * ({@link Warmup#compile}) without starting a JVM or running a line of them.
 */
final class DryEngine implements ExecutionControlProvider {
    @Override
    public String name() {
        return "tunelab-dry";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        return new ExecutionControl() {
            @Override
            public void load(ClassBytecodes[] classes) {
            }

            @Override
            public void redefine(ClassBytecodes[] classes) {
            }

            @Override
            public String invoke(String className, String methodName) {
                return "";
            }

            @Override
            public String varValue(String className, String varName) {
                return "";
            }

            @Override
            public void addToClasspath(String path) {
            }

            @Override
            public void stop() {
            }

            @Override
            public Object extensionCommand(String command, Object argument) throws NotImplementedException {
                throw new NotImplementedException("the dry engine runs nothing: " + command);
            }

            @Override
            public void close() {
            }
        };
    }
}
