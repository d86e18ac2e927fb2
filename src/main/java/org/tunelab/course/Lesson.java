package org.tunelab.course;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A parsed lesson file.
 *
 * @param slug     from the file name: {@code 03-few-shot.md} has slug {@code few-shot}
 * @param number   the file name's numeric prefix, which orders the course
 * @param title    front matter {@code title}
 * @param summary  front matter {@code summary}
 * @param markdown the body after the front matter
 * @param bodyLine 1-based line in the file where {@link #markdown} starts
 * @param cells    the {@code ```java} fences in document order
 * @param embeds   the exercises placed in the text with {@code {{exercise: slug}}}, in order
 * @param claims   the checked claims of its {@code ```claim} fences, in order
 * @param file     the source file
 */
public record Lesson(String slug, int number, String title, String summary, String markdown,
                     int bodyLine, List<Cell> cells, List<Embed> embeds, List<Claim> claims, Path file) {

    public Lesson {
        cells = List.copyOf(cells);
        embeds = List.copyOf(embeds);
        claims = List.copyOf(claims);
    }

    /** An exercise embedded in the lesson by a line {@code {{exercise: slug}}}. */
    public record Embed(String exercise, int line) {
    }

    public Optional<Cell> cell(String id) {
        return cells.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
