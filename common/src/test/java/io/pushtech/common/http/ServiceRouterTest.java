package io.pushtech.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject errorOf(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        return new JsonObject(response.body()).getJsonObject("error");
    }
}
