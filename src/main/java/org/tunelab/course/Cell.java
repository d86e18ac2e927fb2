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

        /** The word that means this mode: {@code run}, {@code no-run} (written after {@code ```java}) or {@code expect-error}. */
        public String word() {
            return switch (this) {
                case RUN -> "run";
                case DISPLAY -> "no-run";
                case EXPECT_ERROR -> "expect-error";
            };
        }

        /** The mode a {@link #word()} names. */
        public static Mode ofWord(String word) {
            for (Mode m : values()) {
                if (m.word().equals(word)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("a cell's mode is 'run', 'no-run' or 'expect-error', not '" + word + "'");
        }
    }
}
