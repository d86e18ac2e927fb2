package org.tunelab.kernel;

import java.util.List;

/**
 * An exception thrown by a cell.
 *
 * @param type    the exception's class name, e.g. {@code java.lang.ArithmeticException}
 * @param message its message, or null
 * @param trace   the frames in the student's own code only, e.g. {@code "at divide (line 2)"},
 *                then {@code "Caused by: ..."} lines for causes
 */
public record ExceptionInfo(String type, String message, List<String> trace) {
    public ExceptionInfo {
        trace = List.copyOf(trace);
    }
}
