package io.pushtech.storage;

import static io.pushtech.storage.StoreClient.offer;
import static io.pushtech.storage.StoreClient.search;
import static org.assertj.core.api.Assertions.assertThat;

import io.pushtech.common.Namespace;
import io.pushtech.common.config.Settings;
import io.pushtech.common.service.RunningServices;
import io.pushtech.devstack.DevStack;
import io.pushtech.devstack.junit.TestNamespace;
import io.pushtech.devstack.junit.WithDevStack;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Authorization and bad input: every refusal is a JSON error naming the problem. */
@WithDevStack
class StoreApiErrorsIT {

    private static RunningServices services;
    private static StoreClient store;
    private static String searchOfLiz;

    @BeforeAll
    static void startStorage(DevStack stack, TestNamespace testNamespace) throws Exception {
        services = RunningServices.start(
                List.of(new StorageDefinition()),
                Settings.of(Map.of(
                        "KAFKA_BOOTSTRAP",
                        stack.kafkaBootstrap(),
                        "MONGO_URI",
                        stack.mongoUri(),
                        "PUSHTECH_NAMESPACE",
                        new Namespace(testNamespace.value()).value(),
                        "HTTP_HOST",
                        "127.0.0.1",
                        "STORAGE_PORT",
                        "0",
                        "STORAGE_WRITE_WAIT_MS",
                        "10000",
                        "PUSHTECH_JWT_SECRET",
                        StoreClient.SECRET)));
        store = new StoreClient(services.port(StorageVerticle.NAME));
        searchOfLiz = store.create("searches", "liz", search("bike", 1, 1, 100)).getString("id");
    }

    @AfterAll
    static void stop() throws Exception {
        services.close();
        store.close();
    }

    @Test
    void clearTextHttp2UpgradeIsDeclinedAndAnsweredOverHttp11() throws Exception {
        // Given
        HttpClient http2 =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();

        // When
        HttpResponse<String> response = http2.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + services.port(StorageVerticle.NAME) + "/health"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        // Then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
    }

    @Test
    void otherOwnerCannotChangeAnItem() throws Exception {
        // When
        HttpResponse<String> response =
                store.patch("/store/searches/" + searchOfLiz, "{\"radius\": 200}", store.token("mallory"));

        // Then
        assertError(response, 403, "forbidden", null);
    }

    @Test
    void otherOwnerCannotDeleteAnItem() throws Exception {
        // When
        HttpResponse<String> response = store.delete("/store/searches/" + searchOfLiz, store.token("mallory"));

        // Then
        assertError(response, 403, "forbidden", null);
    }

    @Test
    void writeWithoutTokenIsUnauthorized() throws Exception {
        // When
        HttpResponse<String> response =
                store.post("/store/searches", search("bike", 1, 1, 100).encode(), null);

        // Then
        assertError(response, 401, "missing_token", null);
    }

    @Test
    void forgedTokenIsUnauthorized() throws Exception {
        // When
        HttpResponse<String> response =
                store.post("/store/searches", search("bike", 1, 1, 100).encode(), store.forgedToken("liz"));

        // Then
        assertError(response, 401, "invalid_token", null);
    }

    @Test
    void expiredTokenIsUnauthorized() throws Exception {
        // When
        HttpResponse<String> response =
                store.post("/store/searches", search("bike", 1, 1, 100).encode(), store.expiredToken("liz"));

        // Then
        assertError(response, 401, "expired_token", null);
    }

    @Test
    void outOfRangeLatitudeIsRejected() throws Exception {
        // When
        HttpResponse<String> response = post("searches", search("bike", 91, 1, 100));

        // Then
        assertError(response, 400, "out_of_range", "location.lat");
    }

    @Test
    void negativeRadiusIsRejected() throws Exception {
        // When
        HttpResponse<String> response = post("offers", offer("bike", 1, 1, -5));

        // Then
        assertError(response, 400, "out_of_range", "radius");
    }

    @Test
    void unknownFieldIsRejected() throws Exception {
        // When
        HttpResponse<String> response =
                post("searches", search("bike", 1, 1, 100).put("colour", "red"));

        // Then
        assertError(response, 400, "unknown_field", "colour");
    }

    @Test
    void wrongTypeIsRejected() throws Exception {
        // When
        HttpResponse<String> response =
                post("searches", search("bike", 1, 1, 100).put("radius", "far"));

        // Then
        assertError(response, 400, "invalid_type", "radius");
    }

    @Test
    void priceInAnUnknownCurrencyFormIsRejectedByTheDocumentsPattern() throws Exception {
        // When
        HttpResponse<String> response = post(
                "offers",
                offer("bike", 1, 1, 100)
                        .put("price", new JsonObject().put("amount", 5).put("currency", "euro")));

        // Then
        assertError(response, 400, "invalid", "price.currency");
    }

    @Test
    void missingCoordinateIsNamed() throws Exception {
        // When
        HttpResponse<String> response =
                post("searches", search("bike", 1, 1, 100).put("location", new JsonObject().put("lat", 1)));

        // Then
        assertError(response, 400, "missing", "location.lng");
    }

    @Test
    void bodyThatIsNotSentAsJsonIsUnsupported() throws Exception {
        // When
        HttpResponse<String> response =
                store.postAs("/store/searches", search("bike", 1, 1, 100).encode(), store.token("liz"), "text/plain");

        // Then
        assertError(response, 415, "unsupported_media_type", null);
    }

    @Test
    void nonNumericLimitIsRejected() throws Exception {
        // When
        HttpResponse<String> response = store.get("/store/offers?lat=1&lng=1&radius=100&limit=many");

        // Then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response).getString("field")).isEqualTo("limit");
    }

    @Test
    void malformedJsonIsRejected() throws Exception {
        // When
        HttpResponse<String> response = store.post("/store/searches", "{\"keywords\": ", store.token("liz"));

        // Then
        assertError(response, 400, "malformed_json", null);
    }

    @Test
    void searchWithoutKeywordsOrCategoryIsRejected() throws Exception {
        // When
        HttpResponse<String> response = post("searches", search("  ", 1, 1, 100));

        // Then
        assertError(response, 400, "missing", "keywords");
    }

    @Test
    void hugePageIsRejected() throws Exception {
        // When
        HttpResponse<String> response = store.get("/store/offers?lat=1&lng=1&radius=100&limit=100000");

        // Then
        assertError(response, 400, "out_of_range", "limit");
    }

    @Test
    void queryOutsideTheWorldIsRejected() throws Exception {
        // When
        HttpResponse<String> response = store.get("/store/offers?lat=1&lng=181&radius=100");

        // Then
        assertError(response, 400, "out_of_range", "lng");
    }

    @Test
    void unknownItemIsNotFound() throws Exception {
        // When
        HttpResponse<String> response = store.get("/store/offers/nothing-here/matches");

        // Then
        assertError(response, 404, "not_found", null);
    }

    @Test
    void openApiDocumentIsServed() throws Exception {
        // When
        HttpResponse<String> response = store.get("/store/openapi.yaml");

        // Then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("openapi: 3.1.0").contains("/store/offers/{id}/matches");
    }

    @Test
    void nulCharacterInATitleIsRejected() throws Exception {
        // When
        HttpResponse<String> response = post("offers", offer("bike\u0000", 1, 1, 100));

        // Then
        assertError(response, 400, "control_character", "title");
    }

    @Test
    void lineBreakInKeywordsIsRejected() throws Exception {
        // When
        HttpResponse<String> response = post("searches", search("red\nbike", 1, 1, 100));

        // Then
        assertError(response, 400, "control_character", "keywords");
    }

    @Test
    void controlCharacterOtherThanLineBreakOrTabInADescriptionIsRejected() throws Exception {
        // When
        HttpResponse<String> response = post("offers", offer("bike", 1, 1, 100).put("description", "ring\u0007"));

        // Then
        assertError(response, 400, "control_character", "description");
    }

    @Test
    void loneSurrogateInATitleIsRejected() throws Exception {
        // Given
        String body = offer("TITLE", 1, 1, 100).encode().replace("TITLE", "t\\ud800");

        // When
        HttpResponse<String> response = store.post("/store/offers", body, store.token("liz"));

        // Then
        assertError(response, 400, "invalid_utf8", "title");
    }

    @Test
    void overlongUtf8InTheBodyIsRejected() throws Exception {
        // Given
        byte[] text = offer("TITLE", 1, 1, 100).encode().getBytes(StandardCharsets.UTF_8);
        byte[] body = new String(text, StandardCharsets.ISO_8859_1)
                .replace("TITLE", "a\u00c0\u00afb")
                .getBytes(StandardCharsets.ISO_8859_1);

        // When
        HttpResponse<String> response = store.postBytes("/store/offers", body, store.token("liz"));

        // Then
        assertError(response, 400, "invalid_utf8", null);
    }

    @Test
    void priceInACurrencyOutsideIso4217IsRejected() throws Exception {
        // When
        HttpResponse<String> response = post(
                "offers",
                offer("bike", 1, 1, 100)
                        .put("price", new JsonObject().put("amount", 5).put("currency", "ZZZ")));

        // Then
        assertError(response, 400, "invalid", "price.currency");
    }

    @Test
    void expiryInThePastIsRejectedOnCreate() throws Exception {
        // When
        HttpResponse<String> response =
                post("searches", search("bike", 1, 1, 100).put("expiresAt", "2000-01-01T00:00:00Z"));

        // Then
        assertError(response, 400, "out_of_range", "expiresAt");
    }

    @Test
    void expiryInThePastIsRejectedOnUpdate() throws Exception {
        // When
        HttpResponse<String> response = store.patch(
                "/store/searches/" + searchOfLiz, "{\"expiresAt\": \"2000-01-01T00:00:00Z\"}", store.token("liz"));

        // Then
        assertError(response, 400, "out_of_range", "expiresAt");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"/store/offers/some-id?x=1", "/store/searches/some-id/matches?x=1", "/store/locations/d1?x=1"})
    void unknownQueryParameterIsRejected(String path) throws Exception {
        // When
        HttpResponse<String> response = store.get(path);

        // Then
        assertError(response, 400, "unknown_parameter", "x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/store/offers/%7B%22%24gt%22%3A%22%22%7D", "/store/offers/1.5", "/store/locations/-1"})
    void idThatLooksLikeJsonIsNotFound(String path) throws Exception {
        // When
        HttpResponse<String> response = store.get(path);

        // Then
        assertError(response, 404, "not_found", null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN|x", "-Infinity|", "Infinity|x", "-1.0|x", "5.0|", "5.0|{\"$gt\":\"\"}"})
    void forgedCursorIsRejected(String cursor) throws Exception {
        // Given
        String encoded =
                Base64.getUrlEncoder().withoutPadding().encodeToString(cursor.getBytes(StandardCharsets.UTF_8));

        // When
        HttpResponse<String> response = store.get("/store/offers?lat=1&lng=1&radius=100&cursor=" + encoded);

        // Then
        assertError(response, 400, "invalid_cursor", "cursor");
    }

    private static HttpResponse<String> post(String kind, JsonObject body) throws Exception {
        return store.post("/store/" + kind, body.encode(), store.token("liz"));
    }

    private static JsonObject error(HttpResponse<String> response) {
        return new JsonObject(response.body()).getJsonObject("error");
    }

    private static void assertError(HttpResponse<String> response, int status, String code, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(error(response).getString("code")).isEqualTo(code);
        assertThat(error(response).getString("message")).isNotBlank();
        assertThat(error(response).getString("field")).isEqualTo(field);
    }
}
