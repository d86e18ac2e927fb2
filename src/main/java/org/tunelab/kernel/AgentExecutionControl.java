package org.tunelab.kernel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import jdk.jshell.execution.DirectExecutionControl;

/**
 * Runs snippets in this (the child) JVM the way JShell's {@code LocalExecutionControl} does, each in a thread of
 * its own group so that {@link #stop()} can end it, and also shows a cell's value richly: when the value has a
 * public {@code String toDisplay()} (the play API's {@code Displayable}), its display spec goes to the display
 * channel as the cell's value. The kernel package knows that method by name only.
 */
final class AgentExecutionControl extends DirectExecutionControl {
    static final String HEAP = "heap";
    static final String TRIM = "trim";
    private final Object stopLock = new Object();
    private final Consumer<String> valueDisplay;
    private boolean userCodeRunning;
    private ThreadGroup group;

    /** @param valueDisplay receives the display spec of a displayable value */
    AgentExecutionControl(Consumer<String> valueDisplay) {
        this.valueDisplay = valueDisplay;
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean stopped = new AtomicBoolean();
        ThreadGroup runGroup = new ThreadGroup("JShell snippet") {
            @Override
            public void uncaughtException(Thread thread, Throwable e) {
                if (!(e instanceof ThreadDeath)) {
                    super.uncaughtException(thread, e); // a student's background thread failed: say so on stderr
                }
            }
        };
        group = runGroup;
        Object[] value = new Object[1];
        Thread snippet = new Thread(runGroup, () -> {
            try {
                value[0] = doitMethod.invoke(null);
                showValue(value[0]);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof ThreadDeath) {
                    stopped.set(true);
                } else {
                    failure.set(e);
                }
            } catch (ThreadDeath e) {
                stopped.set(true);
            } catch (IllegalAccessException e) {
                failure.set(e);
            }
        }, "snippet");
        snippet.start();
        snippet.join();
        if (stopped.get()) {
            throw new StoppedException();
        }
        Throwable failed = failure.get();
        if (failed instanceof InvocationTargetException e) {
            throw e;
        }
        if (failed instanceof IllegalAccessException e) {
            throw e;
        }
        return valueString(value[0]);
    }

    /**
     * {@code "heap"}: the JVM's heap in use and its limit, in bytes, as {@code "USED MAX"}, for the host's "what a
     * run cost".
     * {@code "trim"}: collects garbage so that an idle kernel gives its free heap back.
     */
    @Override
    public Object extensionCommand(String command, Object arg) throws RunException, EngineTerminationException,
            InternalException {
        if (HEAP.equals(command)) {
            // As text: the answer crosses JShell's object stream, and a long[] there made the kernel's first
            // run compute a class hash (SHA, its provider loaded), about 27 ms of the child's CPU.
            Runtime runtime = Runtime.getRuntime();
            return (runtime.totalMemory() - runtime.freeMemory()) + " " + runtime.maxMemory();
        }
        if (TRIM.equals(command)) {
            // A full collection; the serial collector then shrinks the heap to the launcher's free ratio.
            System.gc();
            return null;
        }
        return super.extensionCommand(command, arg);
    }

    @Override
    @SuppressWarnings("deprecation")
    public void stop() throws EngineTerminationException, InternalException {
        synchronized (stopLock) {
            if (userCodeRunning && group != null) {
                group.stop();
            }
        }
    }

    @Override
    protected void clientCodeEnter() {
        synchronized (stopLock) {
            userCodeRunning = true;
        }
    }

    @Override
    protected void clientCodeLeave() {
        synchronized (stopLock) {
            userCodeRunning = false;
        }
    }

    private void showValue(Object value) {
        if (value == null) {
            return;
        }
        Method toDisplay = displayMethod(value.getClass());
        if (toDisplay == null) {
            return;
        }
        try {
            Object spec = toDisplay.invoke(value);
            if (spec instanceof String s) {
                valueDisplay.accept(s);
            }
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
            // A value that cannot show itself is shown as text, like any other.
        }
    }

    /** A public {@code String toDisplay()} reachable through a public class or interface, else null. */
    private static Method displayMethod(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            Method found = publicMethod(c);
            if (found != null) {
                return found;
            }
            for (Class<?> i : c.getInterfaces()) {
                found = displayMethod(i);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static Method publicMethod(Class<?> c) {
        if (!Modifier.isPublic(c.getModifiers())) {
            return null;
        }
        try {
            Method m = c.getMethod("toDisplay");
            return m.getReturnType() == String.class && !Modifier.isStatic(m.getModifiers()) ? m : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
