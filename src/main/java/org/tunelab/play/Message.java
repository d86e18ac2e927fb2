package org.tunelab.play;

import java.util.Objects;

/**
 * One turn of a chat: a role and its text.
 *
 * <pre>{@code
 * List<Message> chat = List.of(Message.system("You are a support agent."), Message.user("My order is late."));
 * Models.tiny().chat(chat)
 * }</pre>
 */
public record Message(Role role, String content) {
    public Message {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }

    public static Message system(String content) {
        return new Message(Role.SYSTEM, content);
    }

    public static Message user(String content) {
        return new Message(Role.USER, content);
    }

    public static Message assistant(String content) {
        return new Message(Role.ASSISTANT, content);
    }

    @Override
    public String toString() {
        return role.wireName() + ": " + content;
    }
}
