package org.tunelab.grading;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreeScanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * A check's statements as one block, {@code {...}}, where that means the same as running them one by one.
 *
 * <p>JShell compiles each top-level statement apart, and each costs the server several javac tasks (a parse, an
 * analysis, a compile; an expression one more, for its type), each with a fixed overhead in JShell: a check of two
 * {@code assertEquals} paid that twice over. As one block statement it pays it once (measured: count-words' 4 checks,
 * 5 statements, 67-81 ms of the server's CPU one by one, 36-47 ms as blocks).
 *
 * <p>A block means the same when the check parses as statements (JShell also takes a bare expression such as {@code
 * points.size()}, which a block does not), has no {@code return} of its own and declares no class at its top level,
 * and when the variables it declares there are needed nowhere else: one by one they would be the kernel's, seen by
 * later checks, replacing the student's own of that name and completing a method (theirs, or an earlier check's) that
 * uses it; in a block they are its own. So a check that declares a name that another check, the setup or the
 * student's code mentions runs as written. A block that declares variables
 * can still fail to compile where the statements would not (a lambda capturing one that is assigned twice): the
 * grader then runs the check as written ({@link #declares}); nothing ran, since a snippet that does not compile does
 * not run. How each check parses is worked out once per check text (about a millisecond).
 */
final class CheckBlocks {
    private static final Pattern NAME = Pattern.compile("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*");

    /** How a check parses: whether it can be a block at all, and the variables it declares at its top level. */
    private record Shape(boolean blockable, Set<String> declares) {
    }

    private final Map<String, Shape> shapes = new ConcurrentHashMap<>();

    /**
     * What to run for check {@code index} of {@code checks}: as one block, or as written.
     *
     * @param before the code the kernel ran before the checks (the exercise's setup, the student's code)
     */
    String source(List<String> checks, int index, String before) {
        String check = checks.get(index);
        Shape shape = shape(check);
        if (!shape.blockable()) {
            return check;
        }
        if (!shape.declares().isEmpty()) {
            List<String> elsewhere = new ArrayList<>(checks);
            elsewhere.set(index, before); // an earlier check's method may use it too, as the student's may
            for (String code : elsewhere) {
                Matcher names = NAME.matcher(code); // strings and comments too: a name too many is only slower
                while (names.find()) {
                    if (shape.declares().contains(names.group())) {
                        return check;
                    }
                }
            }
        }
        return block(check);
    }

    /** Whether {@code check} declares variables at its top level (see the class comment). */
    boolean declares(String check) {
        return !shape(check).declares().isEmpty();
    }

    /** {@code check} as one block if it could ever be one, whatever the other checks and the kernel declare. */
    static String asBlock(String check) {
        return parse(check).blockable() ? block(check) : check;
    }

    private static String block(String check) {
        return "{\n" + check + "\n}";
    }

    private Shape shape(String check) {
        return shapes.computeIfAbsent(check, CheckBlocks::parse);
    }

    private static Shape parse(String check) {
        Shape no = new Shape(false, Set.of());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            return no;
        }
        String source = "class CheckBlock { void check() throws Throwable " + block(check) + " }";
        DiagnosticCollector<JavaFileObject> problems = new DiagnosticCollector<>();
        JavacTask task = (JavacTask) javac.getTask(null, null, problems, List.of("-proc:none"), null,
                List.of(new Source(source)));
        Iterable<? extends CompilationUnitTree> units;
        try {
            units = task.parse();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!problems.getDiagnostics().isEmpty()) {
            return no; // a bare expression, an import, a missing semicolon: JShell's own rules, not a block's
        }
        // one class with one method, whose body is the block: a `}` in the check did not close it early
        List<? extends Tree> types = units.iterator().next().getTypeDecls();
        if (types.size() != 1 || ((ClassTree) types.get(0)).getMembers().size() != 1
                || !(((ClassTree) types.get(0)).getMembers().get(0) instanceof MethodTree method)) {
            return no;
        }
        BlockTree body = method.getBody();
        if (returns(body) || body.getStatements().stream().anyMatch(ClassTree.class::isInstance)) {
            return no;
        }
        Set<String> declared = new HashSet<>();
        for (StatementTree statement : body.getStatements()) {
            if (statement instanceof VariableTree variable) {
                declared.add(variable.getName().toString());
            }
        }
        return new Shape(true, Set.copyOf(declared));
    }

    /** Whether the block has a {@code return} of its own (not one in a lambda or a class declared in it). */
    private static boolean returns(BlockTree block) {
        Boolean found = new TreeScanner<Boolean, Void>() {
            @Override
            public Boolean visitReturn(ReturnTree node, Void unused) {
                return true;
            }

            @Override
            public Boolean visitLambdaExpression(LambdaExpressionTree node, Void unused) {
                return false;
            }

            @Override
            public Boolean visitClass(ClassTree node, Void unused) {
                return false;
            }

            @Override
            public Boolean reduce(Boolean a, Boolean b) {
                return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
            }
        }.scan(block, null);
        return Boolean.TRUE.equals(found);
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String code;

        Source(String code) {
            super(URI.create("string:///CheckBlock.java"), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}
