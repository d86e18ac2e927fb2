package org.tunelab.course;

import java.nio.file.Path;

/**
 * Something wrong in a course file, with where and why: {@code lessons/03-x.md:4: reason}.
 *
 * @param file   the file, relative to the course directory where possible
 * @param line   1-based line in that file, or 0 when the problem concerns the whole file
 * @param reason what is wrong and, where possible, how to fix it
 */
public record Problem(Path file, int line, String reason) {

    @Override
    public String toString() {
        String where = file.toString().replace('\\', '/');
        return line > 0 ? where + ":" + line + ": " + reason : where + ": " + reason;
    }
}
