package org.tunelab.kernel;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Javadoc of classes whose {@code .java} files are on the server's class path as resources (the build copies the
 * play API's sources next to its classes), for the packages a kernel's start-up snippets import with {@code .*}.
 *
 * <p>JShell's own {@code documentation()} reads Javadoc only from the JDK's {@code src.zip}: it sets javac's
 * source path to that and nothing else, so sources on the class path are never found. This class fills the gap
 * for the elements JShell returned without Javadoc, matching them by the signature JShell printed
 * ({@code Prompt Prompt.of(String instruction)}): class, member name and erased simple parameter types.
 */
final class SourceDocs {
    private static final Pattern STAR_IMPORT = Pattern.compile("^\\s*import\\s+([\\w.]+)\\.\\*\\s*;\\s*$");

    /** A parsed source file; its task stays alive because doc comments are read through it. */
    private record Parsed(CompilationUnitTree unit, Trees trees) {
    }

    private final List<String> packages;
    /**
     * Parsed files by class name, shared by every kernel of the server: each holds a javac task alive, so one copy,
     * not one per kernel that asked. javac's trees are not for concurrent use: every lookup holds {@link #LOCK}.
     */
    private static final Map<String, Optional<Parsed>> PARSED = new ConcurrentHashMap<>();
    private static final Object LOCK = new Object();

    SourceDocs(List<String> packages) {
        this.packages = List.copyOf(packages);
    }

    /** For the packages that {@code snippets} import with {@code import p.*;}, read from the server's class path. */
    static SourceDocs forImports(List<String> snippets) {
        List<String> packages = new ArrayList<>();
        for (String snippet : snippets) {
            Matcher m = STAR_IMPORT.matcher(snippet);
            if (m.matches()) {
                packages.add(m.group(1));
            }
        }
        return new SourceDocs(packages);
    }

    /** The raw Javadoc of the element a JShell signature names, or null if its source is not found. */
    String javadoc(String signature) {
        int paren = signature.indexOf('(');
        String head = paren < 0 ? signature : signature.substring(0, paren);
        List<String> path = new ArrayList<>(List.of(head.substring(head.lastIndexOf(' ') + 1).split("\\.")));
        while (!path.isEmpty() && (path.get(0).isEmpty() || !Character.isUpperCase(path.get(0).charAt(0)))) {
            path.remove(0); // package name segments
        }
        if (path.isEmpty()) {
            return null;
        }
        List<String> parameters = paren < 0 ? null
                : parameterTypes(signature.substring(paren + 1, Math.max(paren + 1, signature.lastIndexOf(')'))));
        for (String pkg : packages) {
            synchronized (LOCK) {
                Optional<Parsed> source = PARSED.computeIfAbsent(pkg + "." + path.get(0), this::parse);
                String doc = source.isPresent() ? find(source.get(), path, parameters) : null;
                if (doc != null) {
                    return doc;
                }
            }
        }
        return null;
    }

    private String find(Parsed source, List<String> path, List<String> parameters) {
        TreePath at = null;
        for (Tree type : source.unit().getTypeDecls()) {
            if (type instanceof ClassTree c && c.getSimpleName().contentEquals(path.get(0))) {
                at = TreePath.getPath(source.unit(), c);
            }
        }
        int i = 1;
        while (at != null && i < path.size()) { // nested classes, as far as the path names them
            TreePath nested = member((ClassTree) at.getLeaf(), at, path.get(i), null, true);
            if (nested == null) {
                break;
            }
            at = nested;
            i++;
        }
        if (at == null || path.size() - i > 1) {
            return null;
        }
        if (i < path.size()) {
            at = member((ClassTree) at.getLeaf(), at, path.get(i), parameters, false);
        } else if (parameters != null) {
            at = member((ClassTree) at.getLeaf(), at, "<init>", parameters, false);
        }
        return at == null ? null : source.trees().getDocComment(at);
    }

    /** A member of a class: a nested class, a method with these erased parameter types, or a field (parameters null). */
    private static TreePath member(ClassTree owner, TreePath ownerPath, String name, List<String> parameters,
                                   boolean wantClass) {
        for (Tree member : owner.getMembers()) {
            boolean matches = wantClass
                    ? member instanceof ClassTree c && c.getSimpleName().contentEquals(name)
                    : parameters != null
                            ? member instanceof MethodTree m && m.getName().contentEquals(name) && parameters.equals(
                                    m.getParameters().stream().map(p -> erase(p.getType().toString())).toList())
                            : member instanceof VariableTree v && v.getName().contentEquals(name);
            if (matches) {
                return new TreePath(ownerPath, member);
            }
        }
        return null;
    }

    /** {@code List<Message> messages, int n} gives {@code [List, int]}. */
    private static List<String> parameterTypes(String list) {
        List<String> types = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= list.length(); i++) {
            char c = i < list.length() ? list.charAt(i) : ',';
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (c == ',' && depth == 0) {
                String parameter = erase(list.substring(start, i));
                if (!parameter.isEmpty()) {
                    int space = parameter.lastIndexOf(' ');
                    types.add(space < 0 ? parameter : erase(parameter.substring(0, space)));
                }
                start = i + 1;
            }
        }
        return types;
    }

    /** Without type arguments, simple name, arrays for varargs: {@code java.util.List<X>... xs} gives {@code List[] xs}. */
    private static String erase(String type) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (char c : type.toCharArray()) {
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (depth == 0) {
                out.append(c);
            }
        }
        // Varargs as arrays: javac's tree prints String... as String[]
        String erased = out.toString().replace("...", "[]").strip().replaceAll("\\s+", " ").replaceAll(" ?\\[]", "[]");
        int space = erased.lastIndexOf(' ');
        String typePart = space < 0 ? erased : erased.substring(0, space);
        String namePart = space < 0 ? "" : erased.substring(space);
        return typePart.substring(typePart.lastIndexOf('.') + 1) + namePart;
    }

    private Optional<Parsed> parse(String className) {
        String resource = className.replace('.', '/') + ".java";
        String text;
        try (InputStream in = SourceDocs.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("kernel: reading " + resource + " from the class path failed", e);
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        SimpleJavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + resource),
                javax.tools.JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        };
        JavacTask task = (JavacTask) compiler.getTask(null, null, diagnostic -> { }, List.of("-proc:none"), null,
                List.of(file));
        try {
            CompilationUnitTree unit = task.parse().iterator().next();
            return Optional.of(new Parsed(unit, Trees.instance(task)));
        } catch (IOException e) {
            throw new UncheckedIOException("kernel: parsing " + resource + " failed", e);
        }
    }
}
