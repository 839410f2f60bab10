package io.pushtech.common.auth;

import io.pushtech.common.http.ApiException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Verifies a bearer token and answers its claims, or a failed future holding the {@code 401} that says why: beyond
 * the signature and the times the provider checks, a token must expire ({@code exp}, a number) and name a user
 * ({@code sub}, a user id as {@link #USER_ID} spells it). A claim of the wrong type, which makes the provider throw
 * rather than fail, is an invalid token too. Thread-safe.
 */
public final class TokenVerifier {

    /** What a user id is, wherever one is named: in a token's subject and to {@code pushtech token}. */
    public static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9_.:@][A-Za-z0-9_.:@-]{0,127}");

    private static final String BEARER = "Bearer ";

    private TokenVerifier() {}

    /** The token of an {@code Authorization: Bearer <token>} header; empty for no header or another scheme. */
    public static Optional<String> bearerToken(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        return Optional.of(authorizationHeader.substring(BEARER.length()).strip());
    }

    public static Future<JsonObject> verify(JWTAuth tokens, String token) {
        if (segment(token, 0).map(header -> header.containsKey("crit")).orElse(false)) {
            // RFC 7515: a token naming extensions its reader does not know must be refused; the provider ignores them
            return Future.failedFuture(
                    invalid("the token names critical extensions (crit) this platform does not know"));
        }
        Future<JsonObject> claims;
        try {
            claims = tokens.authenticate(new TokenCredentials(token)).map(TokenVerifier::claims);
        } catch (RuntimeException e) {
            return Future.failedFuture(invalid("the token's claims are not of the types JWT gives them"));
        }
        return claims.recover(failure -> Future.failedFuture(providerFailure(failure, token)))
                .compose(TokenVerifier::requireUserAndExpiry);
    }

    /** The token's payload, which the provider keeps whole among the user's attributes (the principal has part). */
    private static JsonObject claims(User user) {
        JsonObject payload = user.attributes().getJsonObject("accessToken");
        return payload != null ? payload : user.principal();
    }

    private static Future<JsonObject> requireUserAndExpiry(JsonObject claims) {
        if (!(claims.getValue("exp") instanceof Number)) {
            return Future.failedFuture(invalid("the token has no expiry (exp)"));
        }
        if (!(claims.getValue("sub") instanceof String subject) || subject.isBlank()) {
            return Future.failedFuture(invalid("the token names no user (sub)"));
        }
        if (!USER_ID.matcher(subject).matches()) {
            return Future.failedFuture(
                    invalid("the token's user (sub) is not a user id: 1 to 128 of [A-Za-z0-9_.:@-]"));
        }
        return Future.succeededFuture(claims);
    }

    /** The provider says "expired" both for a token past its {@code exp} and for one before its {@code nbf}. */
    private static ApiException providerFailure(Throwable failure, String token) {
        if (!String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT).contains("expired")) {
            return invalid("the bearer token is invalid");
        }
        if (notValidYet(token)) {
            return invalid("the token is not valid yet (nbf)");
        }
        return new ApiException(401, "expired_token", "the bearer token has expired");
    }

    /** Whether a token the provider has already refused is one before its {@code nbf}, only to word the refusal. */
    private static boolean notValidYet(String token) {
        return segment(token, 1)
                .map(payload -> payload.getValue("nbf") instanceof Number nbf
                        && nbf.longValue() > Instant.now().getEpochSecond())
                .orElse(false);
    }

    /** Part {@code index} of a token (0 the header, 1 the payload) as JSON, unverified; empty when unreadable. */
    private static Optional<JsonObject> segment(String token, int index) {
        String[] parts = token.split("\\.");
        try {
            return Optional.of(
                    new JsonObject(new String(Base64.getUrlDecoder().decode(parts[index]), StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static ApiException invalid(String message) {
        return new ApiException(401, "invalid_token", message);
    }
}
