package io.pushtech.tracker.api;

import io.pushtech.common.auth.TokenVerifier;
import io.pushtech.common.http.ApiException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * A bearer token is optional on the tracker: a request that sends one proves its user, and only a proved user's
 * locations move that user's searches and offers (anybody can claim a user id). A token that does not verify is a
 * {@code 401}, as everywhere: its sender would otherwise believe it proved something. Runs on the event loop.
 */
final class UserTokens implements Handler<RoutingContext> {

    static final String VERIFIED_USER_ID = "verifiedUserId";

    private final Optional<JWTAuth> tokens;

    UserTokens(Optional<JWTAuth> tokens) {
        this.tokens = tokens;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            ctx.next();
            return;
        }
        Optional<String> token = TokenVerifier.bearerToken(header);
        if (token.isEmpty()) {
            ctx.fail(new ApiException(401, "invalid_token", "the Authorization header must be Bearer <token>"));
            return;
        }
        if (tokens.isEmpty()) {
            ctx.fail(new ApiException(
                    401, "invalid_token", "this tracker verifies no tokens (PUSHTECH_JWT_SECRET is not set)"));
            return;
        }
        TokenVerifier.verify(tokens.get(), token.get())
                .onSuccess(claims -> {
                    ctx.put(VERIFIED_USER_ID, claims.getString("sub"));
                    ctx.next();
                })
                .onFailure(ctx::fail);
    }
}
