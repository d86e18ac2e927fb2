/**
 * The course as data: reads {@code lessons/} (and, later, {@code exercises/}) into an immutable
 * model of lessons and their cells. Knows nothing of HTTP or JShell.
 *
 * <p>A lesson is a Markdown file {@code lessons/NN-slug.md} with YAML front matter ({@code title},
 * {@code summary}). Every {@code ```java} fence is a runnable cell; the fence's info string may
 * mark it {@code no-run} (display only) or {@code expect-error} (runs, and is expected to fail).
 * A file that cannot be read becomes a {@link org.tunelab.course.Problem} naming file, line and
 * reason, and the rest of the course loads as usual.
 */
package org.tunelab.course;
