package org.tunelab.web;

import io.javalin.http.Context;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Students: an id in an HttpOnly, SameSite=Lax cookie (Secure over HTTPS), issued on the first visit. No sign-up;
 * the id is the key to a student's kernels, edits and progress. A student who joins a class gets an account whose
 * sign-in link or recovery code puts the same id in another browser's cookie (see {@link AccountApi}).
 */
final class Students {
    static final String COOKIE = "tunelab_student";
    private static final String ATTRIBUTE = "student";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final int TEN_YEARS = 10 * 365 * 24 * 3600;

    private final SecureRandom random = new SecureRandom();

    /** A before-handler: finds the student's id, or issues one. */
    void identify(Context ctx) {
        String id = ctx.cookie(COOKIE);
        if (id == null || !VALID.matcher(id).matches()) {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            ctx.res().addHeader("Set-Cookie", COOKIE + "=" + id + "; Path=/; Max-Age=" + TEN_YEARS + "; HttpOnly; SameSite=Lax"
                    + secure(ctx));
        }
        ctx.attribute(ATTRIBUTE, id);
    }

    /** Makes this browser the given student from now on (a sign-in link or recovery code was accepted). */
    static void signInAs(Context ctx, String id) {
        ctx.res().addHeader("Set-Cookie", COOKIE + "=" + id + "; Path=/; Max-Age=" + TEN_YEARS + "; HttpOnly; SameSite=Lax"
                + secure(ctx));
        ctx.attribute(ATTRIBUTE, id);
    }

    /** Forgets this browser's student: the next request is a new anonymous student. */
    static void forget(Context ctx) {
        ctx.res().addHeader("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax" + secure(ctx));
    }

    /** "; Secure" when the page was fetched over HTTPS (directly or through a proxy that says so), else "". */
    static String secure(Context ctx) {
        boolean https = "https".equalsIgnoreCase(ctx.scheme())
                || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        return https ? "; Secure" : "";
    }

    /** The current request's student id (set by {@link #identify}). */
    static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        if (id == null) {
            throw new IllegalStateException("Students.identify did not run for " + ctx.path());
        }
        return id;
    }
}
