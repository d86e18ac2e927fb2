package org.tunelab.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.tunelab.store.Classes;
import org.tunelab.store.Store;

/**
 * The pages of classes: joining one, a student's account, the instructor's classes, a class's live dashboard and
 * one student's view. Each is a shell whose script reads the JSON API ({@link AccountApi}, {@link ClassApi}).
 */
final class ClassPages {
    private final Store store;
    private final Instructors instructors;
    private final ClassApi classApi;
    private final SignInGuard guard;
    private final String mode;

    ClassPages(Store store, Instructors instructors, ClassApi classApi, SignInGuard guard, String mode) {
        this.store = store;
        this.instructors = instructors;
        this.classApi = classApi;
        this.guard = guard;
        this.mode = mode;
    }

    /** {@code GET /join[?code=K7QF2M]}. */
    void join(Context ctx) {
        Map<String, Object> model = base("Join a class · TuneLab");
        model.put("code", ctx.queryParam("code"));
        model.put("instructorOn", instructors.enabled());
        model.put("account", store.classes().account(Students.of(ctx)).isPresent());
        ctx.render("join", model);
    }

    /** {@code GET /account}. */
    void account(Context ctx) {
        ctx.render("account", base("Your account · TuneLab"));
    }

    /** {@code GET /instructor}: sign-in, or the instructor's classes. */
    void instructor(Context ctx) {
        Optional<Classes.Instructor> me = instructors.current(ctx);
        Map<String, Object> model = base("Instructor · TuneLab");
        model.put("enabled", instructors.enabled());
        model.put("signedIn", me.isPresent());
        model.put("instructorName", me.map(Classes.Instructor::name).orElse(null));
        ctx.render("instructor", model);
    }

    /** {@code GET /instructor/classes/{id}}: the live dashboard (sign-in first when there is no session). */
    void dashboard(Context ctx) {
        if (instructors.current(ctx).isEmpty()) {
            ctx.redirect("/instructor");
            return;
        }
        Classes.Classroom c = classApi.classroom(ctx);
        Map<String, Object> model = base(c.name() + " · Instructor · TuneLab");
        model.put("classId", c.id());
        model.put("className", c.name());
        model.put("joinCode", c.joinCode());
        model.put("joinUrl", SignInGuard.origin(ctx) + "/join?code=" + c.joinCode());
        ctx.render("instructor-class", model);
    }

    /** {@code GET /instructor/classes/{id}/students/{member}}. */
    void student(Context ctx) {
        if (instructors.current(ctx).isEmpty()) {
            ctx.redirect("/instructor");
            return;
        }
        Classes.Classroom c = classApi.classroom(ctx);
        String member = ctx.pathParam("member");
        if (store.activity().members(c.id()).stream().noneMatch(m -> m.member().equals(member))) {
            throw new NotFoundResponse("No student '" + member + "' in this class.");
        }
        Map<String, Object> model = base("Student · " + c.name() + " · TuneLab");
        model.put("classId", c.id());
        model.put("className", c.name());
        model.put("member", member);
        ctx.render("instructor-student", model);
    }

    /**
     * {@code GET /signin/{token}}: a page naming the link's student, whose button signs in ({@link AccountApi}). A GET
     * changes nothing, so another site that sends a browser to someone's link cannot sign it in as them (login CSRF).
     */
    void studentSignIn(Context ctx) {
        guard.before(ctx);
        String token = ctx.pathParam("token");
        Optional<String> student = store.classes().studentBySignin(token);
        if (student.isEmpty()) {
            guard.failed(ctx);
            throw AccountApi.invalidLink();
        }
        signIn(ctx, "student", token, store.classes().account(student.get()).map(Classes.Account::name).orElse(""));
    }

    /** {@code GET /instructor/signin/{token}}: the same for an instructor's personal link ({@link Instructors}). */
    void instructorSignIn(Context ctx) {
        guard.before(ctx);
        String token = ctx.pathParam("token");
        Optional<Classes.Instructor> found = store.classes().instructorBySignin(token);
        if (found.isEmpty()) {
            guard.failed(ctx);
            throw Instructors.invalidLink();
        }
        signIn(ctx, "instructor", token, found.get().name());
    }

    /** A sign-in link's page: whose link it is, and a button that signs in (see {@code static/signin.js}). */
    private void signIn(Context ctx, String kind, String token, String name) {
        Map<String, Object> model = base("Sign in · TuneLab");
        model.put("kind", kind);
        model.put("token", token);
        model.put("name", name);
        ctx.render("signin", model);
    }

    private Map<String, Object> base(String title) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", title);
        model.put("mode", mode);
        return model;
    }
}
