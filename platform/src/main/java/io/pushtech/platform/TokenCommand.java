package io.pushtech.platform;

import io.pushtech.common.auth.BearerTokens;
import io.pushtech.common.auth.TokenVerifier;
import io.pushtech.common.config.CommonSettings;
import io.pushtech.common.config.Settings;
import io.vertx.core.Vertx;
import java.io.PrintStream;

/**
 * {@code pushtech token [--admin] <userId>}: prints a bearer token for that user, signed with the stack's secret;
 * with {@code --admin} the token also carries the admin role (kafidx requires it).
 */
final class TokenCommand {

    private final PrintStream out;
    private final Settings settings;

    TokenCommand(PrintStream out, Settings settings) {
        this.out = out;
        this.settings = settings;
    }

    int run(String userId, boolean admin) throws Exception {
        if (!TokenVerifier.USER_ID.matcher(userId).matches()) {
            throw new UsageException("a user id is 1 to 128 of [A-Za-z0-9_.:@-], not starting with -");
        }
        String secret = DevSecrets.jwtSecret(settings, settings.get(CommonSettings.DATA_DIR));
        Vertx vertx = Vertx.vertx();
        try {
            BearerTokens tokens = new BearerTokens(vertx, secret);
            out.println(admin ? tokens.issueAdmin(userId) : tokens.issue(userId));
        } finally {
            vertx.close();
        }
        return 0;
    }
}
