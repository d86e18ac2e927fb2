package org.tunelab.play;

import java.util.List;

/**
 * The one place where chat messages become Tiny's prompt text. Tiny was trained on documents shaped
 * <pre>
 * instruction
 * Input: example input
 * Output: example output
 *
 * Input: the question
 * Output:</pre>
 * so a system message becomes the instruction line(s), a user message an {@code Input:} line, and an assistant
 * message an {@code Output:} line followed by a blank line. When the last message is the user's, the text ends
 * with {@code "Output:"} for Tiny to continue, and Tiny's answer ends at the end of that line (a stop string of
 * {@code "\n"} unless the options give others): left to go on, Tiny would invent the next example itself.
 * Models that speak chat natively never see this text.
 */
public final class ChatFormat {
    private ChatFormat() {
    }

    /** The messages as one Tiny prompt. */
    public static String render(List<Message> messages) {
        StringBuilder text = new StringBuilder();
        Role previous = null;
        for (Message message : messages) {
            switch (message.role()) {
                case SYSTEM -> text.append(message.content()).append('\n');
                case USER -> {
                    if (previous == Role.USER) {
                        text.append("Output:\n\n"); // a user turn the model did not answer
                    }
                    text.append("Input: ").append(message.content()).append('\n');
                }
                case ASSISTANT -> {
                    if (previous != Role.USER) {
                        text.append("Input:\n");
                    }
                    text.append("Output: ").append(message.content()).append("\n\n");
                }
            }
            previous = message.role();
        }
        if (previous == Role.USER) {
            text.append("Output:");
        }
        return text.toString();
    }
}
