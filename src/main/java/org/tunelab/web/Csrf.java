package org.tunelab.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CSRF protection for state-changing requests (POST, PUT, DELETE, PATCH): a random token in a cookie the page's
 * scripts can read ({@code static/tunelab.js} copies it into the {@value #HEADER} header of every request they
 * send) and another site cannot. A request from a student (one with the student cookie) must carry both, equal;
 * a request whose {@code Origin} names another site is refused outright. So must a request with an instructor's
 * session cookie. A request without either cookie is a new anonymous student, who has nothing to lose.
 */
final class Csrf {
    static final String COOKIE = "tunelab_csrf";
    static final String HEADER = "X-TuneLab-CSRF";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{22}");

    private final SecureRandom random = new SecureRandom();

    /** A before-handler, after {@link Students#identify}: issues the token, checks it on state changes. */
    void check(Context ctx) {
        String token = ctx.cookie(COOKIE);
        if (token == null || !VALID.matcher(token).matches()) {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            ctx.res().addHeader("Set-Cookie", COOKIE + "=" + token + "; Path=/; SameSite=Strict" + Students.secure(ctx));
        }
        if (SAFE.contains(ctx.method().name())) {
            return;
        }
        String origin = ctx.header("Origin");
        String host = ctx.header("X-Forwarded-Host") != null ? ctx.header("X-Forwarded-Host") : ctx.header("Host");
        if (origin != null && !sameHost(origin, host)) {
            throw new ForbiddenResponse("Refused: this request came from another site (" + origin + ").");
        }
        if (ctx.cookie(Students.COOKIE) == null && ctx.cookie(Instructors.COOKIE) == null) {
            return;
        }
        String sent = ctx.header(HEADER);
        if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                String.valueOf(ctx.cookie(COOKIE)).getBytes(StandardCharsets.UTF_8))) {
            throw new ForbiddenResponse("This request lacks the page's security token (CSRF protection)."
                    + " Reload the page and try again.");
        }
    }

    private static boolean sameHost(String origin, String host) {
        try {
            URI uri = URI.create(origin);
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host != null && (host.equalsIgnoreCase(authority) || host.equalsIgnoreCase(uri.getHost()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
