package org.tunelab.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** A browser-like HTTP client for functional tests: keeps cookies, speaks JSON. */
final class TestClient {
    static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    TestClient(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    /** A client that presents an earlier student's cookie (as a browser would after a server restart). */
    TestClient(int port, String studentCookie) {
        this(port);
        java.net.HttpCookie cookie = new java.net.HttpCookie(Students.COOKIE, studentCookie);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(base), cookie);
    }

    /** This client's student id. */
    String cookie() {
        return cookie(Students.COOKIE);
    }

    /** The value of one of this client's cookies. */
    String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .findFirst().orElseThrow().getValue();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).method(method, publisher)
                .header("Content-Type", "application/json");
        csrfToken().ifPresent(token -> request.header(Csrf.HEADER, token)); // as static/tunelab.js does
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The CSRF token cookie the server set, if it has set one. */
    java.util.Optional<String> csrfToken() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(Csrf.COOKIE))
                .map(java.net.HttpCookie::getValue).findFirst();
    }

    /** Sends {@code {"code": code}} and returns the parsed JSON of a 200 answer. */
    JsonNode code(String method, String path, String code) throws IOException, InterruptedException {
        HttpResponse<String> r = send(method, path, JSON.writeValueAsString(Map.of("code", code)));
        if (r.statusCode() != 200) {
            throw new AssertionError(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    JsonNode run(String lesson, String code) throws IOException, InterruptedException {
        return code("POST", "/api/lessons/" + lesson + "/run", code);
    }

    JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }
}
