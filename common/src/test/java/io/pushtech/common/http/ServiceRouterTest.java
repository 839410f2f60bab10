package io.pushtech.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceRouterTest {

    private static final int BODY_LIMIT = 1024;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Vertx vertx;
    private static String base;

    @BeforeAll
    static void startServer() throws Exception {
        vertx = Vertx.vertx();
        var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        List<ReadinessCheck> checks =
                List.of(ReadinessCheck.of("always-up", () -> {}), ReadinessCheck.of("always-down", () -> {
                    throw new IllegalStateException("connection refused");
                }));
        Router router = ServiceRouter.create(vertx, "test", registry, checks, BODY_LIMIT);
        router.post("/echo").handler(ctx -> ctx.response().end(ctx.body().buffer()));
        router.get("/params").handler(ctx -> ctx.response()
                .end(String.valueOf(ctx.queryParams().size())));
        router.get("/teapot").handler(ctx -> ctx.fail(new ApiException(418, "teapot", "short and stout", "spout")));
        router.get("/boom").handler(ctx -> {
            throw new IllegalStateException("secret internals");
        });
        HttpServer server = vertx.createHttpServer()
                .requestHandler(router)
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        base = "http://127.0.0.1:" + server.actualPort();
    }

    @AfterAll
    static void stopServer() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void healthAnswersUp() throws Exception {
        // When
        var response = get("/health");

        // Then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(response.body()).getString("status")).isEqualTo("UP");
    }

    @Test
    void readyNamesTheFailingDependency() throws Exception {
        // When
        var response = get("/ready");

        // Then
        assertThat(response.statusCode()).isEqualTo(503);
        JsonObject checks = new JsonObject(response.body()).getJsonObject("checks");
        assertThat(checks.getString("always-up")).isEqualTo("UP");
        assertThat(checks.getString("always-down")).isEqualTo("DOWN: connection refused");
    }

    @Test
    void unknownRouteIsJsonNotFound() throws Exception {
        // When
        var response = get("/nowhere");

        // Then
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(errorOf(response).getString("code")).isEqualTo("not_found");
    }

    @Test
    void apiExceptionKeepsStatusCodeAndField() throws Exception {
        // When
        var response = get("/teapot");

        // Then
        assertThat(response.statusCode()).isEqualTo(418);
        assertThat(errorOf(response).getMap())
                .containsEntry("code", "teapot")
                .containsEntry("message", "short and stout")
                .containsEntry("field", "spout");
    }

    @Test
    void unexpectedFailureIsA500WithoutInternals() throws Exception {
        // When
        var response = get("/boom");

        // Then
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(errorOf(response).getString("code")).isEqualTo("internal_error");
        assertThat(response.body()).doesNotContain("secret internals").doesNotContain("Exception");
    }

    @Test
    void bodyOverTheLimitIsRejectedNamingTheLimit() throws Exception {
        // When
        var response = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/echo"))
                        .POST(HttpRequest.BodyPublishers.ofString("x".repeat(BODY_LIMIT + 1)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        // Then
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(errorOf(response).getString("message")).contains(Integer.toString(BODY_LIMIT));
    }

    @Test
    void getWithABodyOverTheLimitIsRejectedNamingTheLimit() throws Exception {
        // When
        var response = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/health"))
                        .method("GET", HttpRequest.BodyPublishers.ofString("x".repeat(BODY_LIMIT + 1)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        // Then
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(errorOf(response).getString("message")).contains(Integer.toString(BODY_LIMIT));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"application/x-www-form-urlencoded", "multipart/form-data; boundary=x"})
    void bodySentAsAFormIsRefusedNamingJson(String contentType) throws Exception {
        // When: a JSON body of over a kilobyte, as a client that forgot its type sends it
        var response = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/echo"))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString("[" + "{\"type\":\"view\"},".repeat(100) + "1]"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        // Then
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(errorOf(response).getString("code")).isEqualTo("unsupported_media_type");
        assertThat(errorOf(response).getString("message")).contains("application/json");
    }

    @Test
    void getWithASmallBodyIsServed() throws Exception {
        // When
        var response = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/health"))
                        .method("GET", HttpRequest.BodyPublishers.ofString("ignored"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        // Then
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void metricsExposeRequestTimingsByRouteTemplate() throws Exception {
        // Given
        get("/health");

        // When
        var response = get("/metrics");

        // Then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body())
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/health\",status=\"200\"}");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {"application/json; charset=klingon", "application/json;charset=utf-16", "text/plain; charset="})
    void bodyInAnotherCharsetThanUtf8IsRefused(String contentType) throws Exception {
        // When
        var response = post("/echo", contentType, "{}");

        // Then
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(errorOf(response).getString("message")).contains("UTF-8");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "application/json; charset=UTF-8",
                "application/json;charset=\"utf-8\"",
                "text/plain;charset=UTF-8"
            })
    void bodyInUtf8IsServed(String contentType) throws Exception {
        // When
        var response = post("/echo", contentType, "{}");

        // Then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{}");
    }

    @Test
    void queryWithABadEscapeIsA400NamingIt() throws Exception {
        // When
        String response = raw("GET /params?lat=1&q=%zz HTTP/1.1");

        // Then
        assertThat(response).startsWith("HTTP/1.1 400").contains("\"malformed_query\"");
    }

    @Test
    void pathWithABadEscapeIsA400NamingIt() throws Exception {
        // When
        String response = raw("GET /teapot%zz HTTP/1.1");

        // Then
        assertThat(response).startsWith("HTTP/1.1 400").contains("\"malformed_path\"");
    }

    @Test
    void unknownMethodsShareOneMetricsTag() throws Exception {
        // Given
        for (int i = 0; i < 3; i++) {
            raw("FOOBAR" + i + " /health HTTP/1.1");
        }

        // When
        var response = get("/metrics");

        // Then
        assertThat(response.body()).doesNotContain("FOOBAR").contains("method=\"OTHER\"");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gzip", "deflate"})
    void compressedBodyIsInflated(String encoding) throws Exception {
        // When
        var response = send("/echo", encoding, compress(encoding, "{\"a\":1}".getBytes(StandardCharsets.UTF_8)));

        // Then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"a\":1}");
    }

    @Test
    void bodyThatIsNotWhatItsEncodingSaysIsA400() throws Exception {
        // When
        var response = send("/echo", "gzip", "{\"a\":1}".getBytes(StandardCharsets.UTF_8));

        // Then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorOf(response).getString("code")).isEqualTo("malformed_body");
    }

    @Test
    void encodingNotSpokenHereIsA415() throws Exception {
        // When
        var response = send("/echo", "br", "{}".getBytes(StandardCharsets.UTF_8));

        // Then
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(errorOf(response).getString("message")).contains("br").contains("gzip");
    }

    @Test
    void bodyInflatingPastTheLimitIsA413() throws Exception {
        // Given far more than the limit, compressed to far less
        byte[] bomb = compress("gzip", new byte[BODY_LIMIT * 100]);
        assertThat(bomb.length).isLessThan(BODY_LIMIT);

        // When
        var response = send("/echo", "gzip", bomb);

        // Then
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(errorOf(response).getString("message")).contains(Integer.toString(BODY_LIMIT));
    }

    private static HttpResponse<String> send(String path, String encoding, byte[] body)
            throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json")
                        .header("Content-Encoding", encoding)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] compress(String encoding, byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream compressing =
                encoding.equals("gzip") ? new GZIPOutputStream(out) : new DeflaterOutputStream(out)) {
            compressing.write(data);
        }
        return out.toByteArray();
    }

    /** A request written by hand, for what HTTP clients refuse to send; answers the whole response. */
    private static String raw(String requestLine) throws IOException {
        URI uri = URI.create(base);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write((requestLine + "\r\nHost: test\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static HttpResponse<String> post(String path, String contentType, String body)
            throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject errorOf(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        return new JsonObject(response.body()).getJsonObject("error");
    }
}
