package io.pushtech.kafidx.api;

import io.pushtech.common.auth.BearerTokens;
import io.pushtech.common.auth.TokenVerifier;
import io.pushtech.common.http.ApiException;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.auth.jwt.JWTAuth;

/**
 * Requires an admin token: an HS256 JWT signed with the platform secret whose {@code roles} hold {@code admin}.
 * It is read from the {@code Authorization: Bearer} header or, because a browser cannot set headers on a
 * WebSocket, from the {@code access_token} query parameter (RFC 6750). Missing, forged and expired tokens fail
 * with {@code 401}, a valid token without the role with {@code 403}. Runs on the event loop.
 */
public final class AdminAuth {

    public static final String QUERY_PARAMETER = "access_token";

    private final JWTAuth tokens;

    public AdminAuth(JWTAuth tokens) {
        this.tokens = tokens;
    }

    /** The admin's user id, or a failed future holding an {@link ApiException}. */
    public Future<String> authenticate(HttpServerRequest request) {
        String token = token(request);
        if (token == null || token.isBlank()) {
            return Future.failedFuture(new ApiException(
                    401,
                    "missing_token",
                    "an admin token is required: Authorization: Bearer <token>, or ?" + QUERY_PARAMETER + "=<token>"));
        }
        return TokenVerifier.verify(tokens, token.strip()).compose(claims -> {
            String subject = claims.getString("sub");
            Object roles = claims.getValue(BearerTokens.ROLES_CLAIM);
            if (!(roles instanceof JsonArray list && list.contains(BearerTokens.ADMIN_ROLE))) {
                return Future.failedFuture(new ApiException(
                        403, "admin_required", "kafidx needs an admin token (pushtech token --admin <userId>)"));
            }
            return Future.succeededFuture(subject);
        });
    }

    private static String token(HttpServerRequest request) {
        return TokenVerifier.bearerToken(request.getHeader(HttpHeaders.AUTHORIZATION))
                .orElse(request.getParam(QUERY_PARAMETER));
    }
}
