package io.pushtech.common.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BearerTokensTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private static Vertx vertx;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.close();
    }

    @Test
    void issuedTokenAuthenticatesTheUser() throws Exception {
        // Given
        BearerTokens tokens = new BearerTokens(vertx, SECRET);
        String token = tokens.issue("alice");

        // When
        User user = authenticate(tokens, token);

        // Then
        assertThat(user.principal().getString("sub")).isEqualTo("alice");
    }

    @Test
    void tokenSignedWithAnotherSecretIsRejected() {
        // Given
        String foreign = new BearerTokens(vertx, SECRET.replace('0', 'x')).issue("mallory");

        // When / Then
        assertThatThrownBy(() -> authenticate(new BearerTokens(vertx, SECRET), foreign))
                .isInstanceOf(ExecutionException.class);
    }

    @Test
    void shortSecretIsRefused() {
        // When / Then
        assertThatThrownBy(() -> new BearerTokens(vertx, "short"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32");
    }

    private static User authenticate(BearerTokens tokens, String token) throws Exception {
        return tokens.provider()
                .authenticate(new TokenCredentials(token))
                .toCompletionStage()
                .toCompletableFuture()
                .get(5, TimeUnit.SECONDS);
    }
}
