package org.tunelab.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.UnauthorizedResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.tunelab.store.Classes;
import org.tunelab.store.Classes.Instructor;
import org.tunelab.store.Store;

/**
 * Instructors' sign-in. Off by default: with {@code TUNELAB_INSTRUCTOR_KEY} set, whoever knows the key can create an
 * instructor (by a name not yet taken) and gets a personal sign-in link; an instructor signs in again only with that
 * link (or one the server's operator prints with {@code tunelab instructor-link}). A session is a random token in
 * the HttpOnly {@value #COOKIE} cookie, stored as a digest, with the same CSRF protection as students' requests.
 */
final class Instructors {
    static final String COOKIE = "tunelab_instructor";

    private final Classes classes;
    private final String key;
    private final SignInGuard guard;

    Instructors(Store store, String key, SignInGuard guard) {
        this.classes = store.classes();
        this.key = key == null ? "" : key;
        this.guard = guard;
    }

    /** Whether the key is set, so that a new instructor can sign in. */
    boolean enabled() {
        return !key.isEmpty();
    }

    Optional<Instructor> current(Context ctx) {
        return classes.instructorBySession(ctx.cookie(COOKIE));
    }

    /** The signed-in instructor, or 401. */
    Instructor require(Context ctx) {
        return current(ctx).orElseThrow(() -> new UnauthorizedResponse("Sign in as an instructor first, at /instructor."));
    }

    record SignIn(String key, String name) {
    }

    /** {@code POST /api/instructor/signin {"key", "name"}}: a new instructor and their session. */
    void signIn(Context ctx) {
        if (!enabled()) {
            throw new HttpResponseException(404, "Instructor access is off on this server (TUNELAB_INSTRUCTOR_KEY is not set).",
                    Map.of());
        }
        guard.before(ctx);
        SignIn body = JsonBody.read(ctx, SignIn.class);
        String sent = body.key() == null ? "" : body.key().strip();
        if (!MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), key.getBytes(StandardCharsets.UTF_8))) {
            guard.failed(ctx);
            throw new UnauthorizedResponse("That is not this server's instructor key.");
        }
        Classes.NewInstructor created;
        try {
            created = classes.createInstructor(body.name()).orElseThrow(() -> new HttpResponseException(409,
                    "An instructor named '" + body.name().strip() + "' exists: sign in with your personal link, or"
                            + " choose another name. (The server's operator can print a new link: tunelab instructor-link"
                            + " --name NAME.)", Map.of()));
        } catch (IllegalArgumentException e) {
            throw new io.javalin.http.BadRequestResponse(e.getMessage());
        }
        startSession(ctx, created.instructor().id());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", created.instructor().name());
        out.put("signinLink", SignInGuard.origin(ctx) + "/instructor/signin/" + created.signinToken());
        ctx.json(out);
    }

    record Link(String token) {
    }

    /** {@code POST /api/instructor/signin/link {"token"}}: an instructor's personal link starts a session. */
    void signInWithLink(Context ctx) {
        guard.before(ctx);
        Instructor found = classes.instructorBySignin(JsonBody.read(ctx, Link.class).token()).orElseThrow(() -> {
            guard.failed(ctx);
            return invalidLink();
        });
        startSession(ctx, found.id());
        ctx.json(Map.of("name", found.name()));
    }

    static HttpResponseException invalidLink() {
        return new HttpResponseException(404, "This instructor sign-in link is not valid: a newer one may have"
                + " replaced it.", Map.of());
    }

    /** {@code POST /api/instructor/signout}. */
    void signOut(Context ctx) {
        classes.endSession(ctx.cookie(COOKIE));
        ctx.res().addHeader("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax" + Students.secure(ctx));
        ctx.json(Map.of("signedOut", true));
    }

    private void startSession(Context ctx, String instructorId) {
        String token = classes.startSession(instructorId);
        ctx.res().addHeader("Set-Cookie", COOKIE + "=" + token + "; Path=/; Max-Age=" + 30 * 24 * 3600
                + "; HttpOnly; SameSite=Lax" + Students.secure(ctx));
    }
}
