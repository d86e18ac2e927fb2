package org.tunelab.play;

import java.util.Locale;

/** Who says a {@link Message}: the system (instructions), the user, or the assistant (the model). */
public enum Role {
    SYSTEM, USER, ASSISTANT;

    /** The name in the chat-completions protocol: "system", "user" or "assistant". */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role of a wire name, ignoring case. */
    public static Role of(String wireName) {
        for (Role role : values()) {
            if (role.wireName().equalsIgnoreCase(wireName)) {
                return role;
            }
        }
        throw new IllegalArgumentException("Unknown role '" + wireName + "': use system, user or assistant.");
    }
}
