package io.pushtech.common.auth;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;

/**
 * Issues and verifies the platform's bearer tokens: HS256 JWTs whose subject ({@code sub}) is the user
 * id, signed with the configured secret. An admin token also carries {@code "roles": ["admin"]}.
 */
public final class BearerTokens {

    public static final int MIN_SECRET_LENGTH = 32;
    public static final String ROLES_CLAIM = "roles";
    public static final String ADMIN_ROLE = "admin";
    private static final int VALIDITY_MINUTES = 30 * 24 * 60;

    private final JWTAuth auth;

    public BearerTokens(Vertx vertx, String secret) {
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("the token secret needs at least " + MIN_SECRET_LENGTH + " characters");
        }
        this.auth = JWTAuth.create(
                vertx,
                new JWTAuthOptions()
                        .addPubSecKey(
                                new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret)));
    }

    public String issue(String userId) {
        return issue(new JsonObject().put("sub", userId));
    }

    /** A token for {@code userId} that also grants the admin role (kafidx requires it). */
    public String issueAdmin(String userId) {
        return issue(new JsonObject().put("sub", userId).put(ROLES_CLAIM, new JsonArray().add(ADMIN_ROLE)));
    }

    private String issue(JsonObject claims) {
        return auth.generateToken(claims, new JWTOptions().setAlgorithm("HS256").setExpiresInMinutes(VALIDITY_MINUTES));
    }

    /** The provider that route handlers ({@code JWTAuthHandler}) verify tokens with. */
    public JWTAuth provider() {
        return auth;
    }
}
