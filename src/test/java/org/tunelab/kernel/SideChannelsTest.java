package org.tunelab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The display channel and the gateway, through a real child JVM, with the hooks as cells see them. */
class SideChannelsTest {
    private static final String SHOW = "var show = (java.util.function.BiConsumer<String, String>)"
            + " System.getProperties().get(\"org.tunelab.display\");";
    private static final String ASK = "var ask = (java.util.function.Function<String, String>)"
            + " System.getProperties().get(\"org.tunelab.gateway\");";
    private static final List<String> asked = Collections.synchronizedList(new ArrayList<>());
    private static Kernel kernel;

    @BeforeAll
    static void startKernel() {
        GatewayHandler echo = (owner, request) -> {
            asked.add(owner + " " + request);
            if (request.equals("slow")) {
                sleep(3000);
            }
            return "answer to " + request + " for " + owner;
        };
        kernel = Kernel.start(KernelConfig.defaults().withRunTimeout(Duration.ofSeconds(2)).withGateway(echo));
        kernel.owner("ann/lesson/one");
        assertEquals(RunStatus.OK, kernel.run(SHOW + "\n" + ASK).status());
    }

    @AfterAll
    static void closeKernel() {
        kernel.close();
    }

    @Test
    void displaysArriveInOrderAndLaterOnesReplaceTheirId() {
        List<String> streamed = Collections.synchronizedList(new ArrayList<>());
        RunResult result = kernel.run("""
                show.accept(null, "{\\"kind\\":\\"text\\",\\"text\\":\\"first\\"}");
                System.out.println("between");
                for (int i = 1; i <= 3; i++) show.accept("bar", "{\\"kind\\":\\"progress\\",\\"value\\":" + i + "}");
                show.accept(null, "{\\"kind\\":\\"text\\",\\"text\\":\\"last\\"}");
                """, (stream, text) -> {
                    if (stream.equals("display")) {
                        streamed.add(text);
                    }
                });
        assertEquals(RunStatus.OK, result.status(), result.toString());
        assertEquals("between\n", result.stdout(), "displays do not mix into stdout");
        assertEquals(List.of("{\"kind\":\"text\",\"text\":\"first\"}", "{\"kind\":\"progress\",\"value\":3}",
                "{\"kind\":\"text\",\"text\":\"last\"}"), result.displays());
        assertEquals(5, streamed.size(), "every update is streamed: " + streamed);
        assertNull(result.valueDisplay());
    }

    @Test
    void aValueWithToDisplayShowsItsSpecAndKeepsItsText() {
        RunResult result = kernel.run("""
                public interface Shows { String toDisplay(); }
                Shows answer = new Shows() {
                    public String toDisplay() { return "{\\"kind\\":\\"text\\",\\"text\\":\\"rich\\"}"; }
                    public String toString() { return "plain"; }
                };
                answer
                """);
        assertEquals(RunStatus.OK, result.status(), result.toString());
        assertEquals("plain", result.value());
        assertEquals("{\"kind\":\"text\",\"text\":\"rich\"}", result.valueDisplay());
    }

    @Test
    void theGatewayAnswersWithTheOwnerTheServerKnows() {
        RunResult result = kernel.run("ask.apply(\"hello\")");
        assertEquals(RunStatus.OK, result.status(), result.toString());
        assertEquals("\"answer to hello for ann/lesson/one\"", result.value());
        assertTrue(asked.contains("ann/lesson/one hello"), asked.toString());
    }

    @Test
    void aStoppedRequestsLateAnswerDoesNotReachTheNextRequest() {
        RunResult slow = kernel.run("ask.apply(\"slow\")");
        assertEquals(RunStatus.TIMEOUT, slow.status(), slow.toString());
        RunResult next = kernel.run("ask.apply(\"quick\")");
        assertEquals(RunStatus.OK, next.status(), next.toString());
        assertEquals("\"answer to quick for ann/lesson/one\"", next.value());
        sleep(1500); // the slow answer arrives now and must be dropped, not given to the next request
        RunResult after = kernel.run("ask.apply(\"again\")");
        assertEquals("\"answer to again for ann/lesson/one\"", after.value(), after.toString());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
