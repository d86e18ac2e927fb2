package org.tunelab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The literal check that runs before every compile: only a string constant too long for a class file is refused. */
class CompilerThreadsTest {
    private static final String LONG = "x".repeat(70_000);

    @Test
    void aStringTooLongIsFoundAtItsLineAndColumn() {
        Diagnostic d = CompilerThreads.tooLongLiteral("int n = 1;\n  String s = \"" + LONG + "\";");
        assertEquals(2, d.line());
        assertEquals(14, d.column());
        assertEquals(1, CompilerThreads.tooLongLiteral("String t = \"\"\"\n" + LONG + "\"\"\";").line(), "a text block");
    }

    @Test
    void quotesInCharactersCommentsAndEscapesDoNotOpenAString() {
        assertNull(CompilerThreads.tooLongLiteral("char q = '\"'; int a = 1; // \"\n/* \" */ String s = \"a\\\"b\";"
                + " // " + LONG));
        assertNull(CompilerThreads.tooLongLiteral("String s = \"x\".repeat(70_000);"));
        assertNull(CompilerThreads.tooLongLiteral("char q = '\"'; String s = \"short\"; /* " + LONG + " */"));
    }
}
