/**
 * JShell kernels in child JVMs: one per student and lesson, so that a notebook's cells share state.
 *
 * <pre>{@code
 * try (Kernels kernels = new Kernels(KernelConfig.defaults())) {
 *     RunResult result = kernels.run("ada/01-prompts", "int x = 20;\nx * 2");
 *     result.value();   // "40"
 * }
 * }</pre>
 *
 * <p>{@link org.tunelab.kernel.Kernels} is the front door for the web layer; {@link org.tunelab.kernel.Kernel} is
 * one child JVM; {@link org.tunelab.kernel.KernelLauncher} is the one place that builds the child's command line.
 * The child runs {@link org.tunelab.kernel.KernelAgent} and talks to the host over its stdin/stdout.
 */
package org.tunelab.kernel;
