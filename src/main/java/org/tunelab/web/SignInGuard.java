package org.tunelab.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Map;

/**
 * Slows guessing: an address that has failed {@value #FAILURES_PER_MINUTE} sign-ins (a wrong instructor key, sign-in
 * link, recovery code or join code) in the last minute is refused until the minute has passed. A classroom behind
 * one address mistypes a few codes; a guesser needs billions of tries.
 */
final class SignInGuard {
    static final int FAILURES_PER_MINUTE = 30;

    private final PerMinute failures = new PerMinute(FAILURES_PER_MINUTE);

    /** Refuses (429) an address that has used up its failures. */
    void before(Context ctx) {
        if (failures.exhausted(ctx.ip())) {
            throw new HttpResponseException(429, "Too many failed sign-ins from this address in the last minute;"
                    + " wait a minute and try again.", Map.of());
        }
    }

    /** Counts a failure against the request's address. */
    void failed(Context ctx) {
        failures.admit(ctx.ip(), 1);
    }

    /** The address students and instructors reach this server at, for the links it hands out. */
    static String origin(Context ctx) {
        String forwardedHost = ctx.header("X-Forwarded-Host");
        String host = forwardedHost != null ? forwardedHost : ctx.host();
        String proto = ctx.header("X-Forwarded-Proto") != null ? ctx.header("X-Forwarded-Proto") : ctx.scheme();
        return proto + "://" + host;
    }
}
