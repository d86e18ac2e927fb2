package org.tunelab.grading;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;

/**
 * Names a student's exercise code may not declare, because checks use them: in JShell a later
 * declaration shadows an import, so a student's own {@code assertEquals} or {@code List} would
 * otherwise run in place of the real one and could pass a check that should fail.
 */
final class ReservedNames {
    private static final Set<String> NAMES = Stream.of(
                    Arrays.stream(Assertions.class.getMethods())
                            .filter(m -> Modifier.isStatic(m.getModifiers()))
                            .map(Method::getName),
                    Stream.of("Assertions", "AssertionFailedError", "org", "java", "javax", "jdk", "sun", "com",
                            // java.lang and java.util types that checks are written with
                            "Object", "String", "StringBuilder", "CharSequence", "Integer", "Long", "Double", "Float",
                            "Boolean", "Character", "Byte", "Short", "Number", "Math", "System", "Thread", "Runtime",
                            "Class", "Throwable", "Exception", "RuntimeException", "Error", "AssertionError",
                            "Iterable", "Comparable", "Record", "Enum", "Void",
                            "List", "Map", "Set", "Collection", "Arrays", "Collections", "Objects", "Optional",
                            "ArrayList", "HashMap", "HashSet", "LinkedHashMap", "TreeMap", "Random", "Iterator"))
            .flatMap(s -> s)
            .collect(Collectors.toUnmodifiableSet());

    private ReservedNames() {
    }

    /** The reserved names among {@code declared}, sorted. */
    static Set<String> among(Set<String> declared) {
        return declared.stream().filter(NAMES::contains).collect(Collectors.toCollection(TreeSet::new));
    }
}
