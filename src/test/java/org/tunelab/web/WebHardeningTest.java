package org.tunelab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunelab.Config;

/** Issue 7, web hardening: CSRF, cookie flags, headers, and slugs that cannot reach files. Real server. */
class WebHardeningTest {
    @TempDir
    static Path dir;
    static Server server;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        Path course = dir.resolve("course");
        Files.createDirectories(course.resolve("lessons"));
        Files.writeString(course.resolve("lessons/01-first.md"), "---\ntitle: First\nsummary: S\n---\n```java\n1\n```\n");
        Files.writeString(dir.resolve("secret.txt"), "the server's secret");
        server = Server.start(Config.forTest(course, dir.resolve("data")).withRunTimeout(Duration.ofSeconds(3)));
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aStudentsStateChangeNeedsThePagesToken() throws Exception {
        TestClient student = new TestClient(server.port());
        student.get("/");
        String token = student.csrfToken().orElseThrow();
        HttpClient plain = HttpClient.newHttpClient();
        HttpRequest.Builder forged = HttpRequest.newBuilder(URI.create(base + "/api/lessons/first/restart"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .header("Cookie", Students.COOKIE + "=" + student.cookie() + "; " + Csrf.COOKIE + "=" + token);
        HttpResponse<String> refused = plain.send(forged.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("lacks the page's security token"), refused.body());

        HttpResponse<String> wrong = plain.send(forged.copy().header(Csrf.HEADER, (token.startsWith("x") ? "y" : "x") + token.substring(1)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, wrong.statusCode(), "a wrong token is refused too");

        HttpResponse<String> allowed = plain.send(forged.copy().header(Csrf.HEADER, token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, allowed.statusCode(), allowed.body());
        assertEquals(200, student.send("POST", "/api/lessons/first/restart", "").statusCode(), "TestClient sends it, as tunelab.js does");
    }

    @Test
    void anotherSitesRequestIsRefusedEvenWithTheToken() throws Exception {
        TestClient student = new TestClient(server.port());
        student.get("/");
        String token = student.csrfToken().orElseThrow();
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/lessons/first/run"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\": \"1\"}"))
                .header("Content-Type", "application/json")
                .header("Origin", "https://evil.example")
                .header("Cookie", Students.COOKIE + "=" + student.cookie() + "; " + Csrf.COOKIE + "=" + token)
                .header(Csrf.HEADER, token).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, r.statusCode(), r.body());
        assertTrue(r.body().contains("came from another site (https://evil.example)"), r.body());
    }

    @Test
    void cookiesCarryTheirFlagsAndSecureBehindHttps() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/"))
                .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());
        List<String> cookies = r.headers().allValues("Set-Cookie");
        String student = cookies.stream().filter(c -> c.startsWith(Students.COOKIE + "=")).findFirst().orElseThrow();
        String csrf = cookies.stream().filter(c -> c.startsWith(Csrf.COOKIE + "=")).findFirst().orElseThrow();
        assertTrue(student.contains("HttpOnly") && student.contains("SameSite=Lax") && student.contains("Secure"), student);
        assertTrue(csrf.contains("SameSite=Strict") && csrf.contains("Secure") && !csrf.contains("HttpOnly"),
                "the page's script must read it: " + csrf);
        String plain = new TestClient(server.port()).get("/").headers().allValues("Set-Cookie").toString();
        assertFalse(plain.contains("Secure"), "plain HTTP on loopback: no Secure flag, or the browser drops them: " + plain);
        assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
        assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"));
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
    }

    @Test
    void slugsCannotReachFiles() throws Exception {
        TestClient client = new TestClient(server.port());
        for (String path : List.of("/lessons/..%2F..%2Fsecret.txt", "/lessons/..%2Fsecret.txt", "/lessons/%2e%2e",
                "/static/../secret.txt", "/static/..%2f..%2fsecret.txt", "/lessons/first/../../secret.txt")) {
            HttpResponse<String> r = client.get(path);
            assertTrue(r.statusCode() == 404 || r.statusCode() == 400, path + " answered " + r.statusCode());
            assertFalse(r.body().contains("the server's secret"), path);
        }
        HttpResponse<String> api = client.send("POST", "/api/lessons/..%2F..%2Fsecret.txt/run", "{\"code\": \"1\"}");
        assertTrue(api.statusCode() == 404 || api.statusCode() == 400, "answered " + api.statusCode());
        assertFalse(api.body().contains("the server's secret"), api.body());
    }
}
