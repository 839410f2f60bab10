package io.pushtech.common.auth;

import io.pushtech.common.http.ApiException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.web.RoutingContext;

/**
 * Requires a bearer token (HS256 JWT signed with the platform secret) and puts its subject, the user id, in the context
 * under {@link #USER_ID}. Missing, malformed, forged and expired tokens are a {@code 401} with a code saying which
 * ({@link TokenVerifier}). Where {@code queryParameter} is allowed, the token may come as {@code ?access_token=}
 * instead, for browsers' {@code EventSource}, which cannot set headers. Runs on the event loop.
 */
public final class BearerAuth implements Handler<RoutingContext> {

    public static final String USER_ID = "userId";

    public static final String QUERY_PARAMETER = "access_token";

    private final JWTAuth tokens;
    private final boolean queryParameter;

    public BearerAuth(JWTAuth tokens, boolean queryParameter) {
        this.tokens = tokens;
        this.queryParameter = queryParameter;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String query = queryParameter ? ctx.request().getParam(QUERY_PARAMETER) : null;
        String token = TokenVerifier.bearerToken(ctx.request().getHeader(HttpHeaders.AUTHORIZATION))
                .orElse(query == null ? null : query.strip());
        if (token == null) {
            ctx.fail(new ApiException(
                    401,
                    "missing_token",
                    queryParameter
                            ? "an Authorization: Bearer <token> header or an access_token parameter is required"
                            : "an Authorization: Bearer <token> header is required"));
            return;
        }
        TokenVerifier.verify(tokens, token)
                .onSuccess(claims -> {
                    ctx.put(USER_ID, claims.getString("sub"));
                    ctx.next();
                })
                .onFailure(ctx::fail);
    }
}
