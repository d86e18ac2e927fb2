package org.tunelab.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.tunelab.Config;

/**
 * Measures completion and documentation on this machine, in a kernel with the course's imports: the first call
 * (javac cold in the server) and warm calls, for a few typical cells. Run after {@code mvn test-compile}:
 * <pre>java -cp target/classes:target/test-classes:JARS org.tunelab.kernel.CompletionBench [rounds]</pre>
 */
public final class CompletionBench {
    private CompletionBench() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        try (Kernel kernel = Kernel.start(KernelConfig.defaults().withStartupSnippets(Config.KERNEL_IMPORTS))) {
            kernel.run("var reviews = List.of(\"great\", \"awful\");");
            String cell = "int n = 2;\nString word = \"hi\";\nreviews.";
            time("first completion (cold)", 1, () -> kernel.complete(cell, cell.length()));
            time("first documentation (cold)", 1, () -> kernel.documentation("Models.tiny(", 12));
            time("complete `reviews.` after two statements", rounds, () -> kernel.complete(cell, cell.length()));
            time("complete `Models.`", rounds, () -> kernel.complete("Models.", 7));
            time("complete `String.va`", rounds, () -> kernel.complete("String.va", 9));
            time("documentation `Models.tiny(` (play Javadoc)", rounds, () -> kernel.documentation("Models.tiny(", 12));
            time("documentation `Math.max(` (JDK, 4 overloads)", rounds, () -> kernel.documentation("Math.max(", 9));
        }
    }

    private static void time(String what, int rounds, Supplier<Object> call) {
        List<Double> millis = new ArrayList<>();
        Object last = null;
        for (int i = 0; i < rounds; i++) {
            long started = System.nanoTime();
            last = call.get();
            millis.add((System.nanoTime() - started) / 1e6);
        }
        Collections.sort(millis);
        System.out.printf("%-50s median %6.1f ms, p95 %6.1f ms, max %6.1f ms (%d)%n", what, millis.get(millis.size() / 2),
                millis.get((int) (millis.size() * 0.95)), millis.get(millis.size() - 1), rounds);
        if (last instanceof Completions c && (c.busy() || c.suggestions().isEmpty())
                || last instanceof Documentation d && (d.busy() || d.entries().isEmpty())) {
            throw new IllegalStateException("bench: " + what + " found nothing: " + last);
        }
    }
}
