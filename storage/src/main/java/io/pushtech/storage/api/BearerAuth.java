package io.pushtech.storage.api;

import io.pushtech.common.http.ApiException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/**
 * Requires a bearer token (HS256 JWT signed with the platform secret) and puts its subject, the user
 * id, in the context under {@link #USER_ID}. Missing, malformed, forged and expired tokens are a
 * {@code 401} with a code saying which. Runs on the event loop.
 */
public final class BearerAuth implements Handler<RoutingContext> {

    public static final String USER_ID = "userId";
    private static final String PREFIX = "Bearer ";

    private final JWTAuth tokens;

    public BearerAuth(JWTAuth tokens) {
        this.tokens = tokens;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            ctx.fail(new ApiException(401, "missing_token", "an Authorization: Bearer <token> header is required"));
            return;
        }
        tokens.authenticate(
                        new TokenCredentials(header.substring(PREFIX.length()).strip()))
                .onSuccess(user -> {
                    String subject = user.principal().getString("sub");
                    if (subject == null || subject.isBlank()) {
                        ctx.fail(new ApiException(401, "invalid_token", "the token names no user (sub)"));
                        return;
                    }
                    ctx.put(USER_ID, subject);
                    ctx.next();
                })
                .onFailure(failure -> ctx.fail(new ApiException(
                        401,
                        String.valueOf(failure.getMessage())
                                        .toLowerCase(Locale.ROOT)
                                        .contains("expired")
                                ? "expired_token"
                                : "invalid_token",
                        "the bearer token is invalid or expired")));
    }
}
