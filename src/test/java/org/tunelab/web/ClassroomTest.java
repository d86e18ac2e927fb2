package org.tunelab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunelab.Config;

/**
 * Teaching a class over HTTP, with real kernels and grading: instructors sign in with the key, make classes, watch a
 * dashboard and export grades; students join, sign in on another browser and delete their data; and every new route
 * is tried without a session, as a student, as another instructor and for a student of another class.
 */
class ClassroomTest {
    static final String KEY = "correct-horse-battery";

    @TempDir
    Path dir;

    private Path course() throws IOException {
        return TestCourses.doubleIt(dir);
    }

    private Server start() throws Exception {
        return Server.start(Config.forTest(course(), dir.resolve("data")).withInstructorKey(KEY));
    }

    private static JsonNode ok(TestClient client, String method, String path, Object body) throws Exception {
        HttpResponse<String> r = client.send(method, path, body == null ? null : TestClient.JSON.writeValueAsString(body));
        assertTrue(r.statusCode() / 100 == 2, method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        return client.json(r);
    }

    private static JsonNode okGet(TestClient client, String path) throws Exception {
        HttpResponse<String> r = client.get(path);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return client.json(r);
    }

    private static String path(String link) {
        return URI.create(link).getPath();
    }

    @Test
    void instructorAccessIsOffWithoutAKey() throws Exception {
        try (Server server = Server.start(Config.forTest(course(), dir.resolve("data")))) {
            TestClient someone = new TestClient(server.port());
            assertTrue(someone.get("/instructor").body().contains("TUNELAB_INSTRUCTOR_KEY"), "the page says how to turn it on");
            assertEquals(404, someone.send("POST", "/api/instructor/signin",
                    "{\"key\":\"\",\"name\":\"Eve\"}").statusCode(), "an empty key signs nobody in");
            assertEquals(401, someone.get("/api/instructor/classes").statusCode());
        }
    }

    @Test
    void aClassFromSignInToGradebook() throws Exception {
        try (Server server = start()) {
            TestClient ada = new TestClient(server.port());
            ada.get("/instructor");
            assertEquals(401, ada.send("POST", "/api/instructor/signin", "{\"key\":\"wrong-key-123\",\"name\":\"Ada\"}").statusCode());
            JsonNode signedIn = ok(ada, "POST", "/api/instructor/signin", Map.of("key", KEY, "name", "Ada"));
            assertTrue(signedIn.get("signinLink").asText().contains("/instructor/signin/"), signedIn.toString());
            JsonNode ml = ok(ada, "POST", "/api/instructor/classes", Map.of("name", "ML 101"));
            String classId = ml.get("id").asText();
            String code = ml.get("code").asText();
            assertEquals(6, code.length());
            assertTrue(ml.get("joinUrl").asText().endsWith("/join?code=" + code));

            TestClient ann = new TestClient(server.port());
            ann.get("/lessons/intro");
            // typed as people type codes: lower case, with a dash
            JsonNode joined = ok(ann, "POST", "/api/classes/join",
                    Map.of("code", code.substring(0, 3).toLowerCase() + "-" + code.substring(3), "name", "Ann"));
            assertEquals("ML 101", joined.get("class").get("name").asText());
            assertTrue(joined.get("recoveryCode").asText().matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}"), joined.toString());
            TestClient bob = new TestClient(server.port());
            bob.get("/lessons/intro");
            ok(bob, "POST", "/api/classes/join", Map.of("code", code, "name", "Bob"));
            TestClient anonymous = new TestClient(server.port());
            anonymous.get("/lessons/intro");

            ann.run("intro", "int y = undefinedThing;");
            ann.run("intro", "int z = 2;");
            assertFalse(ann.code("POST", "/api/exercises/double-it/check", "int twice(int n) { return n + 2; }")
                    .get("passed").asBoolean());
            assertTrue(ann.code("POST", "/api/exercises/double-it/check", "int twice(int n) { return 2 * n; }")
                    .get("passed").asBoolean());
            bob.code("POST", "/api/exercises/double-it/check", "int twice(int n) { return n; }");
            anonymous.code("POST", "/api/exercises/double-it/check", "int twice(int n) { return n * 2; }");

            JsonNode board = okGet(ada, "/api/instructor/classes/" + classId + "/dashboard");
            assertEquals(2, board.get("students").asInt(), "the anonymous student is not in the class");
            JsonNode exercise = board.get("exercises").get(0);
            assertEquals("double-it", exercise.get("slug").asText());
            assertEquals(2, exercise.get("attempted").asInt(), board.toString());
            assertEquals(1, exercise.get("passed").asInt(), "the anonymous pass is not counted");
            JsonNode lesson = board.get("lessons").get(0);
            assertEquals(2, lesson.get("opened").asInt());
            assertEquals(1, lesson.get("ran").asInt(), "only Ann ran a cell");
            JsonNode failing = board.get("failingChecks").get(0);
            assertEquals("doubles 21", failing.get("check").asText());
            assertEquals(2, failing.get("students").asInt());
            assertTrue(failing.get("message").asText().contains("expected: <42>"), failing.toString());
            assertTrue(board.get("compileErrors").get(0).get("message").asText().contains("cannot find symbol"),
                    board.get("compileErrors").toString());
            assertTrue(board.get("compileErrors").get(0).get("message").asText().contains("undefinedThing"));
            JsonNode roster = board.get("roster");
            assertEquals(List.of("Ann", "Bob"), List.of(roster.get(0).get("name").asText(), roster.get(1).get("name").asText()));
            assertEquals(1, roster.get(0).get("exercisesPassed").asInt());
            assertFalse(board.toString().contains(ann.cookie()), "a student's cookie id never reaches an instructor");

            String annMember = roster.get(0).get("member").asText();
            JsonNode annView = okGet(ada, "/api/instructor/classes/" + classId + "/students/" + annMember);
            JsonNode annExercise = annView.get("exercises").get(0);
            assertTrue(annExercise.get("passed").asBoolean());
            assertEquals(2, annExercise.get("attempts").asInt());
            assertEquals("int twice(int n) { return 2 * n; }", annExercise.get("code").asText(), "the latest attempt");
            assertTrue(annExercise.get("lastCheck").get("passed").asBoolean());
            assertEquals(200, ada.get("/instructor/classes/" + classId + "/students/" + annMember).statusCode());
            assertEquals(200, ada.get("/instructor/classes/" + classId).statusCode());

            HttpResponse<String> csv = ada.get("/api/instructor/classes/" + classId + "/gradebook.csv");
            assertEquals(200, csv.statusCode());
            assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
            List<String> lines = csv.body().lines().toList();
            assertEquals("student,member,exercise,passed,attempts,first_passed_at", lines.get(0));
            assertTrue(lines.get(1).startsWith("Ann," + annMember + ",double-it,true,2,20"), lines.get(1));
            assertTrue(lines.get(2).matches("Bob,m_\\w+,double-it,false,1,"), lines.get(2));
            JsonNode json = okGet(ada, "/api/instructor/classes/" + classId + "/gradebook.json");
            assertEquals(2, json.get("rows").size());
            assertEquals("Ann", json.get("rows").get(0).get("student").asText());
            assertTrue(json.get("rows").get(0).get("passed").asBoolean());
        }
    }

    @Test
    void everyNewRouteRefusesWhoeverItIsNotFor() throws Exception {
        try (Server server = start()) {
            TestClient ada = new TestClient(server.port());
            ada.get("/instructor");
            String adaLink = ok(ada, "POST", "/api/instructor/signin", Map.of("key", KEY, "name", "Ada")).get("signinLink").asText();
            assertTrue(ada.get(path(adaLink)).body().contains("Ada"));
            String adaClass = ok(ada, "POST", "/api/instructor/classes", Map.of("name", "Ada's class")).get("id").asText();
            String adaCode = okGet(ada, "/api/instructor/classes").get("classes").get(0).get("code").asText();
            TestClient grace = new TestClient(server.port());
            grace.get("/instructor");
            ok(grace, "POST", "/api/instructor/signin", Map.of("key", KEY, "name", "Grace"));
            JsonNode graceClass = ok(grace, "POST", "/api/instructor/classes", Map.of("name", "Grace's class"));
            assertEquals(409, new TestClient(server.port()).send("POST", "/api/instructor/signin",
                    TestClient.JSON.writeValueAsString(Map.of("key", KEY, "name", "Ada"))).statusCode(),
                    "knowing the key does not make anyone Ada");

            TestClient ann = new TestClient(server.port());
            ann.get("/");
            ok(ann, "POST", "/api/classes/join", Map.of("code", adaCode, "name", "Ann"));
            TestClient otherClassStudent = new TestClient(server.port());
            otherClassStudent.get("/");
            ok(otherClassStudent, "POST", "/api/classes/join", Map.of("code", graceClass.get("code").asText(), "name", "Olly"));
            String annMember = okGet(ada, "/api/instructor/classes/" + adaClass + "/dashboard").get("roster").get(0)
                    .get("member").asText();
            String ollyMember = okGet(grace, "/api/instructor/classes/" + graceClass.get("id").asText() + "/dashboard")
                    .get("roster").get(0).get("member").asText();

            List<String> adaRoutes = List.of("/api/instructor/classes/" + adaClass + "/dashboard",
                    "/api/instructor/classes/" + adaClass + "/students/" + annMember,
                    "/api/instructor/classes/" + adaClass + "/gradebook.csv",
                    "/api/instructor/classes/" + adaClass + "/gradebook.json");
            TestClient nobody = new TestClient(server.port());
            for (String route : adaRoutes) {
                assertEquals(200, ada.get(route).statusCode(), route);
                assertEquals(401, nobody.get(route).statusCode(), "no session: " + route);
                assertEquals(401, ann.get(route).statusCode(), "Ada's own student: " + route);
                assertEquals(401, otherClassStudent.get(route).statusCode(), "a student of another class: " + route);
                assertEquals(404, grace.get(route).statusCode(), "another instructor: " + route);
            }
            assertEquals(401, nobody.get("/api/instructor/classes").statusCode());
            String prepare = "/api/instructor/classes/" + adaClass + "/prepare";
            assertEquals(401, nobody.send("POST", prepare, "{\"students\":2}").statusCode());
            assertEquals(401, ann.send("POST", prepare, "{\"students\":2}").statusCode());
            assertEquals(404, grace.send("POST", prepare, "{\"students\":2}").statusCode());
            assertEquals(400, ada.send("POST", prepare, "{\"students\":100000}").statusCode());
            String dashboard = "/api/instructor/classes/" + adaClass + "/dashboard";
            // nothing starting first: the grader's pooled kernel a check earlier in this test took, and those started
            // ahead for the students who opened a lesson, would otherwise be counted as the prepared ones
            long deadline = System.nanoTime() + 60_000_000_000L;
            JsonNode settled = okGet(ada, dashboard);
            while ((settled.get("kernelsStarting").asInt() > 0 || settled.get("checkKernelsStarting").asInt() > 0
                    || settled.get("checkKernelsReady").asInt() < 1) && System.nanoTime() < deadline) {
                Thread.sleep(200);
                settled = okGet(ada, dashboard);
            }
            int readyBefore = okGet(ada, dashboard).get("kernelsReady").asInt();
            int checksBefore = okGet(ada, dashboard).get("checkKernelsReady").asInt();
            JsonNode asked = ok(ada, "POST", prepare, Map.of("students", 2));
            assertEquals(2, asked.get("asked").asInt());
            assertEquals(2, asked.get("checksAsked").asInt(), "as many for the students' first checks");
            int ready = readyBefore;
            int checks = checksBefore;
            while ((ready < readyBefore + 2 || checks < checksBefore + 2) && System.nanoTime() < deadline) {
                Thread.sleep(200);
                JsonNode now = okGet(ada, dashboard);
                ready = now.get("kernelsReady").asInt();
                checks = now.get("checkKernelsReady").asInt();
            }
            assertEquals(readyBefore + 2, ready, "two more kernels ready for the class");
            assertEquals(checksBefore + 2, checks, "two more ready for its checks");
            assertEquals(401, nobody.send("POST", "/api/instructor/classes", "{\"name\":\"x\"}").statusCode());
            assertEquals(404, ada.get("/api/instructor/classes/" + adaClass + "/students/" + ollyMember).statusCode(),
                    "a student of another class, through Ada's class");
            assertEquals(1, okGet(grace, "/api/instructor/classes").get("classes").size(), "Grace sees only her class");
            for (String page : List.of("/instructor/classes/" + adaClass, "/instructor/classes/" + adaClass + "/students/" + annMember)) {
                HttpResponse<String> r = nobody.get(page);
                assertEquals(302, r.statusCode(), page);
                assertEquals("/instructor", r.headers().firstValue("Location").orElse(""));
                assertEquals(404, grace.get(page).statusCode(), "another instructor: " + page);
            }

            // a student's own routes answer only about that student
            assertEquals("Ann", okGet(ann, "/api/account").get("name").asText());
            assertEquals("Olly", okGet(otherClassStudent, "/api/account").get("name").asText());
            assertTrue(okGet(nobody, "/api/account").get("name").isNull());
            assertEquals(404, nobody.send("POST", "/api/account/credentials", "").statusCode(), "no account to renew");

            // the instructor's session is protected against cross-site requests like a student's
            HttpResponse<String> forged = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                    .newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/instructor/classes"))
                    .header("Content-Type", "application/json")
                    .header("Cookie", Instructors.COOKIE + "=" + ada.cookie(Instructors.COOKIE))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\":\"forged\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(403, forged.statusCode(), forged.body());
            assertEquals(1, okGet(ada, "/api/instructor/classes").get("classes").size());

            ok(ada, "POST", "/api/instructor/signout", null);
            assertEquals(401, ada.get("/api/instructor/classes").statusCode(), "signed out");
            assertEquals(404, ada.send("POST", "/api/instructor/signin/link", "{\"token\":\"not-a-token\"}").statusCode());
            ok(ada, "POST", "/api/instructor/signin/link", Map.of("token", token(adaLink)));
            assertEquals("Ada", okGet(ada, "/api/instructor/classes").get("instructor").asText(), "back in with her link");
        }
    }


    @Test
    void aSignInLinkBringsProgressToAnotherBrowserAndKeepsWhatThatBrowserDid() throws Exception {
        try (Server server = start()) {
            TestClient ada = new TestClient(server.port());
            ada.get("/instructor");
            ok(ada, "POST", "/api/instructor/signin", Map.of("key", KEY, "name", "Ada"));
            String code = ok(ada, "POST", "/api/instructor/classes", Map.of("name", "ML")).get("code").asText();

            TestClient laptop = new TestClient(server.port());
            laptop.get("/lessons/intro");
            assertTrue(laptop.code("POST", "/api/exercises/double-it/check", "int twice(int n) { return n * 2; }")
                    .get("passed").asBoolean(), "done before joining");
            JsonNode joined = ok(laptop, "POST", "/api/classes/join", Map.of("code", code, "name", "Ann"));
            ok(laptop, "PUT", "/api/lessons/intro/cells/" + firstCell(laptop), Map.of("code", "int x = 41;"));

            TestClient phone = new TestClient(server.port());
            phone.get("/");
            ok(phone, "POST", "/api/notebooks", Map.of("title", "Made on the phone"));
            String phoneId = phone.cookie();
            HttpResponse<String> page = phone.get(path(joined.get("signinLink").asText()));
            assertEquals(200, page.statusCode(), page.body());
            assertTrue(page.body().contains("Ann"), "the link's page says whose it is");
            assertEquals(phoneId, phone.cookie(), "opening the link alone signs nobody in (no login CSRF)");
            followLink(phone, joined.get("signinLink").asText());
            assertEquals(laptop.cookie(), phone.cookie(), "the phone is now Ann");
            JsonNode progress = okGet(phone, "/api/progress");
            assertEquals(1, progress.get("exercisesPassed").asInt(), "the pass made before joining followed her");
            assertTrue(phone.get("/lessons/intro").body().contains("int x = 41;"), "her saved edit followed her");
            assertEquals(1, okGet(phone, "/api/notebooks").get("notebooks").size(), "the phone's notebook is kept");
            assertEquals(1, okGet(laptop, "/api/notebooks").get("notebooks").size(), "and the laptop sees it too");
            assertNotEquals(laptop.cookie(), phoneId);

            TestClient library = new TestClient(server.port());
            library.get("/");
            assertEquals(401, library.send("POST", "/api/signin", "{\"recoveryCode\":\"AAAA-BBBB-CCCC\"}").statusCode());
            String recovery = joined.get("recoveryCode").asText();
            JsonNode recovered = ok(library, "POST", "/api/signin", Map.of("recoveryCode", recovery.toLowerCase().replace("-", " ")));
            assertEquals("Ann", recovered.get("name").asText());
            assertEquals(laptop.cookie(), library.cookie());

            JsonNode renewed = ok(laptop, "POST", "/api/account/credentials", null);
            assertEquals(404, new TestClient(server.port()).get(path(joined.get("signinLink").asText())).statusCode(),
                    "the old link stopped working");
            assertEquals(401, new TestClient(server.port()).send("POST", "/api/signin",
                    TestClient.JSON.writeValueAsString(Map.of("recoveryCode", recovery))).statusCode());
            TestClient tablet = new TestClient(server.port());
            tablet.get("/");
            assertEquals(404, tablet.send("POST", "/api/signin", TestClient.JSON.writeValueAsString(
                    Map.of("token", token(joined.get("signinLink").asText())))).statusCode());
            followLink(tablet, renewed.get("signinLink").asText());
            assertEquals(laptop.cookie(), tablet.cookie());
        }
    }

    private static String token(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }

    /** What the sign-in page's button does. */
    private static void followLink(TestClient client, String link) throws Exception {
        assertEquals(200, client.get(path(link)).statusCode());
        ok(client, "POST", "/api/signin", Map.of("token", token(link)));
    }

    private static String firstCell(TestClient client) throws Exception {
        String page = client.get("/lessons/intro").body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<section class=\"cell[^\"]*\" data-cell=\"([^\"]+)\"").matcher(page);
        assertTrue(m.find(), "a cell id in the page");
        return m.group(1);
    }

    @Test
    void aStudentDeletesTheirDataAndGuessersAreSlowedDown() throws Exception {
        try (Server server = start()) {
            TestClient ada = new TestClient(server.port());
            ada.get("/instructor");
            ok(ada, "POST", "/api/instructor/signin", Map.of("key", KEY, "name", "Ada"));
            JsonNode ml = ok(ada, "POST", "/api/instructor/classes", Map.of("name", "ML"));
            TestClient ann = new TestClient(server.port());
            ann.get("/lessons/intro");
            JsonNode joined = ok(ann, "POST", "/api/classes/join", Map.of("code", ml.get("code").asText(), "name", "Ann"));
            ann.code("POST", "/api/exercises/double-it/check", "int twice(int n) { return n * 2; }");
            String exported = ann.get("/api/progress/export").body();
            assertTrue(exported.contains("double-it"), "she can download her data first");

            assertTrue(ok(ann, "DELETE", "/api/account", null).get("deleted").asBoolean());
            assertEquals(0, okGet(ada, "/api/instructor/classes/" + ml.get("id").asText() + "/dashboard")
                    .get("students").asInt(), "gone from the class");
            assertEquals(404, new TestClient(server.port()).get(path(joined.get("signinLink").asText())).statusCode());
            ann.get("/");
            assertNull(okGet(ann, "/api/account").get("name").textValue(), "the browser starts afresh");
            assertEquals(0, okGet(ann, "/api/progress").get("exercisesPassed").asInt());

            TestClient guesser = new TestClient(server.port());
            guesser.get("/");
            // one failure (the deleted link above) is already counted against this address
            List<Integer> statuses = new java.util.ArrayList<>();
            for (int i = 0; i < SignInGuard.FAILURES_PER_MINUTE + 2; i++) {
                statuses.add(guesser.send("POST", "/api/signin", "{\"recoveryCode\":\"AAAA-BBBB-CC" + i + "\"}").statusCode());
            }
            assertEquals(SignInGuard.FAILURES_PER_MINUTE - 1, statuses.stream().filter(s -> s == 401).count(), statuses.toString());
            assertEquals(3, statuses.stream().filter(s -> s == 429).count(), "after 30 failures a minute, refused");
            assertEquals(429, guesser.send("POST", "/api/classes/join",
                    TestClient.JSON.writeValueAsString(Map.of("code", ml.get("code").asText(), "name", "G"))).statusCode(),
                    "even a right code waits out the minute");
        }
    }
}
