package org.tunelab.kernel;

import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.ImportSnippet;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.VarSnippet;

/**
 * Says in words what a cell did to earlier declarations: JShell reports it as update events (events whose
 * {@code causeSnippet} is the cell's snippet), which notebooks otherwise leave silent, so that a student whose
 * variable was quietly reset to {@code 0} learns why.
 */
final class Redefinitions {
    private Redefinitions() {
    }

    /** A sentence for one update event, or null when nothing a student needs to know happened. */
    static String note(JShell shell, SnippetEvent event) {
        Snippet changed = event.snippet();
        Snippet cause = event.causeSnippet();
        if (!(changed instanceof DeclarationSnippet declaration) || cause == null) {
            return null;
        }
        String what = name(declaration);
        String by = cause instanceof DeclarationSnippet d ? name(d) : "this cell";
        boolean sameName = cause instanceof DeclarationSnippet d && d.name().equals(declaration.name())
                && d.kind() == declaration.kind();
        return switch (event.status()) {
            // Re-running a cell, or declaring a variable again, is everyday notebook use: say nothing then.
            case OVERWRITTEN -> sameName && !(declaration instanceof VarSnippet)
                    && !changed.source().strip().equals(cause.source().strip())
                    ? what + " was redefined: the new definition replaces the earlier one." : null;
            case DROPPED -> what + " was dropped because " + by + " replaced it.";
            case RECOVERABLE_DEFINED, RECOVERABLE_NOT_DEFINED -> {
                String missing = shell.unresolvedDependencies(declaration).collect(Collectors.joining(", "));
                if (cause instanceof ImportSnippet imported) {
                    yield what + " can no longer be used: " + imported.source().strip() + " in this cell changed what"
                            + " a name in it means (two types of the same name?). Declare it again, or write the"
                            + " type you mean in full (java.util.List).";
                }
                yield missing.isEmpty()
                        ? what + " can no longer be used because " + by + ", which it depends on, changed in this cell;"
                        + " run the cell that declares it again."
                        : what + " cannot be used until " + missing + " is declared again (" + by
                        + " changed in this cell).";
            }
            case REJECTED -> what + " no longer compiles after " + by + " changed in this cell.";
            case VALID -> declaration instanceof VarSnippet && event.previousStatus() == Snippet.Status.VALID
                    ? what + " was reset to its default value (null, 0 or false) because " + by
                    + ", which it depends on, was redefined in this cell. Run the cell that sets it again."
                    : null;
            default -> null;
        };
    }

    /** {@code `total`}, {@code `price(...)`} or {@code class `Item`}. */
    static String name(DeclarationSnippet s) {
        if (s instanceof MethodSnippet) {
            return "`" + s.name() + "(...)`";
        }
        if (s instanceof TypeDeclSnippet) {
            return "type `" + s.name() + "`";
        }
        return "`" + s.name() + "`";
    }
}
