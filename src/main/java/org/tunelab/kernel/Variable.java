package org.tunelab.kernel;

/**
 * A variable a kernel holds now, for the notebook's variables panel.
 *
 * @param name  its name
 * @param type  its declared type, as JShell shows it
 * @param value a short text of its value for numbers, booleans, characters and strings (cut at 80 characters);
 *              null for other types, whose {@code toString()} is student code that could loop
 */
public record Variable(String name, String type, String value) {
}
