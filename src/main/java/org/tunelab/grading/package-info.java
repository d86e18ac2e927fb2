/**
 * Checks a student's exercise code, and validates a whole course.
 *
 * <p>{@link org.tunelab.grading.Grader} runs an exercise's checks one at a time in a fresh kernel
 * that holds only the exercise's setup and the student's code; each check passes only if the
 * server saw its statements complete without an exception. Nothing the student's code prints or
 * defines can turn a check green: declarations that would shadow the names checks use (JUnit's
 * assertions, {@code java.lang} and {@code java.util} types, package roots) are refused before
 * any check runs. {@link org.tunelab.grading.Validator} proves every lesson cell runs and every
 * reference solution passes.
 */
package org.tunelab.grading;
