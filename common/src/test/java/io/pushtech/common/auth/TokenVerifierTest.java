package io.pushtech.common.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pushtech.common.http.ApiException;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenVerifierTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private static Vertx vertx;
    private static BearerTokens tokens;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
        tokens = new BearerTokens(vertx, SECRET);
    }

    @AfterAll
    static void stopVertx() {
        vertx.close();
    }

    @Test
    void issuedTokenGivesItsClaims() throws Exception {
        // When
        JsonObject claims = verify(tokens.issue("alice"));

        // Then
        assertThat(claims.getString("sub")).isEqualTo("alice");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "{\"sub\":\"alice\",\"exp\":\"never\"}",
                "{\"sub\":\"alice\",\"exp\":1e12,\"iat\":\"yesterday\"}",
                "{\"sub\":\"alice\"}",
                "{\"sub\":{\"id\":\"alice\"},\"exp\":9999999999}",
                "{\"sub\":123,\"exp\":9999999999}",
                "{\"sub\":\"--help\",\"exp\":9999999999}",
                "{\"sub\":\"a b\",\"exp\":9999999999}",
                "{\"exp\":9999999999}"
            })
    void signedTokenWithClaimsOfTheWrongKindIsInvalid(String claims) {
        // Given signed with the right secret
        String token = tokens.provider().generateToken(new JsonObject(claims), new JWTOptions().setAlgorithm("HS256"));

        // When / Then
        assertThatThrownBy(() -> verify(token))
                .hasCauseInstanceOf(ApiException.class)
                .cause()
                .satisfies(e -> {
                    assertThat(((ApiException) e).status()).isEqualTo(401);
                    assertThat(((ApiException) e).code()).isEqualTo("invalid_token");
                });
    }

    @Test
    void tokenNamingCriticalExtensionsIsInvalid() {
        // Given signed with the right secret, and a header naming an extension
        String token = tokens.provider()
                .generateToken(
                        new JsonObject()
                                .put("sub", "alice")
                                .put("exp", Instant.now().getEpochSecond() + 3600),
                        new JWTOptions()
                                .setAlgorithm("HS256")
                                .setHeader(new JsonObject().put("crit", new JsonArray().add("exp-ext"))));

        // When / Then
        assertThatThrownBy(() -> verify(token))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .satisfies(e -> assertThat(e.getMessage()).contains("crit"));
    }

    @Test
    void expiredTokenSaysSo() {
        // Given
        long past = Instant.now().minusSeconds(3600).getEpochSecond();
        String token = tokens.provider()
                .generateToken(
                        new JsonObject().put("sub", "alice").put("exp", past).put("iat", past - 60),
                        new JWTOptions().setAlgorithm("HS256"));

        // When / Then
        assertThatThrownBy(() -> verify(token))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .satisfies(e -> assertThat(((ApiException) e).code()).isEqualTo("expired_token"));
    }

    @Test
    void tokenNotValidYetIsNotCalledExpired() {
        // Given
        long future = Instant.now().plusSeconds(3600).getEpochSecond();
        String token = tokens.provider()
                .generateToken(
                        new JsonObject()
                                .put("sub", "alice")
                                .put("exp", future + 3600)
                                .put("nbf", future),
                        new JWTOptions().setAlgorithm("HS256"));

        // When / Then
        assertThatThrownBy(() -> verify(token))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .satisfies(e -> {
                    assertThat(((ApiException) e).code()).isEqualTo("invalid_token");
                    assertThat(e.getMessage()).contains("not valid yet");
                });
    }

    private static JsonObject verify(String token) throws Exception {
        return TokenVerifier.verify(tokens.provider(), token)
                .toCompletionStage()
                .toCompletableFuture()
                .get(5, TimeUnit.SECONDS);
    }
}
