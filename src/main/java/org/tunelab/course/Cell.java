package org.tunelab.course;

/**
 * One {@code ```java} fence of a lesson.
 *
 * @param id    stable within the lesson: {@code cell-1}, {@code cell-2}, ... in document order
 * @param code  the fence's text, without the fence lines
 * @param mode  whether it runs, and whether it is expected to fail
 * @param line  1-based line of the opening fence in the lesson file
 */
public record Cell(String id, String code, Mode mode, int line) {

    /** How a cell behaves, from the fence's info string. */
    public enum Mode {
        /** {@code ```java}: an editable, runnable cell. */
        RUN,
        /** {@code ```java no-run}: shown with highlighting, never run. */
        DISPLAY,
        /** {@code ```java expect-error}: runnable; validation expects it to fail. */
        EXPECT_ERROR;

        public boolean runnable() {
            return this != DISPLAY;
        }
    }
}
