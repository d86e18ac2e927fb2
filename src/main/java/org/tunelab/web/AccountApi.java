package org.tunelab.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UnauthorizedResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tunelab.store.Classes;
import org.tunelab.store.Store;

/**
 * A student's side of classes: joining one with its code (which gives them an account: a display name, a sign-in
 * link and a recovery code), signing in on another browser, and seeing, renewing or deleting what is kept about
 * them. A browser that signs in brings what it did anonymously into the account, so nothing is lost.
 */
final class AccountApi {
    private final Store store;
    private final Classes classes;
    private final ModelFiles models;
    private final SignInGuard guard;

    AccountApi(Store store, ModelFiles models, SignInGuard guard) {
        this.store = store;
        this.classes = store.classes();
        this.models = models;
        this.guard = guard;
    }

    record Join(String code, String name) {
    }

    /** {@code POST /api/classes/join {"code", "name"}}. */
    void join(Context ctx) {
        guard.before(ctx);
        Join body = JsonBody.read(ctx, Join.class);
        Optional<Classes.Joined> joined;
        try {
            joined = classes.join(Students.of(ctx), body.code(), body.name());
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage());
        }
        if (joined.isEmpty()) {
            guard.failed(ctx);
            throw new NotFoundResponse("No class has the code '" + (body.code() == null ? "" : body.code().strip())
                    + "'. Check it with your instructor (letters and digits; 0/O and 1/I are never used).");
        }
        Classes.Joined j = joined.get();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("class", Map.of("name", j.classroom().name(), "code", j.classroom().joinCode()));
        out.put("name", j.name());
        out.put("alreadyMember", j.alreadyMember());
        out.putAll(credentials(ctx, j.credentials()));
        ctx.json(out);
    }

    static NotFoundResponse invalidLink() {
        return new NotFoundResponse("This sign-in link is not valid: a newer one may have replaced it. Sign in with"
                + " your recovery code at /join, or ask your instructor.");
    }

    record SignIn(String token, String recoveryCode) {
    }

    /** {@code POST /api/signin {"token"} or {"recoveryCode"}}: this browser becomes that student. */
    void signInWithCode(Context ctx) throws IOException {
        guard.before(ctx);
        SignIn body = JsonBody.read(ctx, SignIn.class);
        Optional<String> student = body.token() != null ? classes.studentBySignin(body.token())
                : classes.studentByRecoveryCode(body.recoveryCode());
        if (student.isEmpty()) {
            guard.failed(ctx);
            if (body.token() != null) {
                throw invalidLink();
            }
            throw new UnauthorizedResponse("That recovery code matches no student. Check it (letters and digits; 0/O"
                    + " and 1/I are never used), or ask your instructor.");
        }
        signIn(ctx, student.get());
        ctx.json(Map.of("signedIn", true, "name", classes.account(student.get()).map(Classes.Account::name).orElse("")));
    }

    /** {@code GET /api/account}: the student's name (null when anonymous) and classes. */
    void account(Context ctx) {
        Optional<Classes.Account> account = classes.account(Students.of(ctx));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", account.map(Classes.Account::name).orElse(null));
        out.put("classes", account.map(a -> a.classes().stream().map(m -> Map.of("name", m.className(),
                "code", m.joinCode(), "joinedAt", m.joinedAt().toString())).toList()).orElse(List.of()));
        ctx.json(out);
    }

    /** {@code POST /api/account/credentials}: a new sign-in link and recovery code; the old ones stop working. */
    void renew(Context ctx) {
        Classes.Credentials fresh = classes.renewCredentials(Students.of(ctx)).orElseThrow(() -> new NotFoundResponse(
                "You have no account to renew: join a class first (at /join)."));
        ctx.json(credentials(ctx, fresh));
    }

    /** {@code DELETE /api/account}: everything kept about this student, gone; the browser starts afresh. */
    void delete(Context ctx) throws IOException {
        String student = Students.of(ctx);
        store.deleteStudent(student);
        models.deleteStudent(student);
        Students.forget(ctx);
        ctx.json(Map.of("deleted", true));
    }

    private void signIn(Context ctx, String student) throws IOException {
        String current = Students.of(ctx);
        if (!current.equals(student) && classes.account(current).isEmpty()) {
            store.moveStudent(current, student); // what this browser did anonymously joins the account
            models.moveStudent(current, student);
        }
        Students.signInAs(ctx, student);
    }

    private static Map<String, Object> credentials(Context ctx, Classes.Credentials c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("signinLink", c == null ? null : SignInGuard.origin(ctx) + "/signin/" + c.signinToken());
        out.put("recoveryCode", c == null ? null : c.recoveryCode());
        return out;
    }
}
