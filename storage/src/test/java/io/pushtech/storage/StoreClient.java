package io.pushtech.storage;

import io.pushtech.common.auth.BearerTokens;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** An HTTP client of the /store API for tests, with bearer tokens signed by the test secret. */
final class StoreClient implements AutoCloseable {

    static final String SECRET = "storage-test-secret-0123456789-abcdefghij";

    private final HttpClient http = HttpClient.newHttpClient();
    private final Vertx vertx = Vertx.vertx();
    private final BearerTokens tokens = new BearerTokens(vertx, SECRET);
    private final String base;

    StoreClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    String token(String userId) {
        return tokens.issue(userId);
    }

    String expiredToken(String userId) {
        long past = System.currentTimeMillis() / 1000 - 3600;
        return tokens.provider()
                .generateToken(
                        new JsonObject().put("sub", userId).put("exp", past).put("iat", past - 60),
                        new JWTOptions().setAlgorithm("HS256"));
    }

    String forgedToken(String userId) {
        return new BearerTokens(vertx, "another-secret-0123456789-0123456789-xyz").issue(userId);
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), null);
    }

    HttpResponse<String> post(String path, String body, String token) throws Exception {
        return send(
                HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(body)), token);
    }

    /** A POST of raw bytes, for bodies that are not valid UTF-8. */
    HttpResponse<String> postBytes(String path, byte[] body, String token) throws Exception {
        return send(
                HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofByteArray(body)),
                token);
    }

    /** A POST with another content type than JSON's, or none when {@code contentType} is null. */
    HttpResponse<String> postAs(String path, String body, String token, String contentType) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.header("Authorization", "Bearer " + token);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> patch(String path, String body, String token) throws Exception {
        return send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .method("PATCH", HttpRequest.BodyPublishers.ofString(body)),
                token);
    }

    HttpResponse<String> delete(String path, String token) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE(), token);
    }

    /** Posts an item as {@code userId} and answers its stored JSON (the write must answer 201). */
    JsonObject create(String kind, String userId, JsonObject item) throws Exception {
        HttpResponse<String> response = post("/store/" + kind, item.encode(), token(userId));
        if (response.statusCode() != 201) {
            throw new AssertionError("create answered " + response.statusCode() + ": " + response.body());
        }
        return new JsonObject(response.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String token) throws Exception {
        request.header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonObject search(String keywords, double lat, double lng, double radius) {
        return new JsonObject()
                .put("keywords", keywords)
                .put("location", new JsonObject().put("lat", lat).put("lng", lng))
                .put("radius", radius);
    }

    static JsonObject offer(String title, double lat, double lng, double radius) {
        return new JsonObject()
                .put("title", title)
                .put("description", "")
                .put("category", "misc")
                .put("location", new JsonObject().put("lat", lat).put("lng", lng))
                .put("radius", radius);
    }

    @Override
    public void close() {
        vertx.close();
    }
}
