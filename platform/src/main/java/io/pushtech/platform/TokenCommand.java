package io.pushtech.platform;

import io.pushtech.common.auth.BearerTokens;
import io.pushtech.common.config.CommonSettings;
import io.pushtech.common.config.Settings;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.util.regex.Pattern;

/**
 * {@code pushtech token [--admin] <userId>}: prints a bearer token for that user, signed with the stack's secret;
 * with {@code --admin} the token also carries the admin role (kafidx requires it).
 */
final class TokenCommand {

    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9_.:@-]{1,128}");

    private final PrintStream out;
    private final Settings settings;

    TokenCommand(PrintStream out, Settings settings) {
        this.out = out;
        this.settings = settings;
    }

    int run(String userId, boolean admin) throws Exception {
        if (!USER_ID.matcher(userId).matches()) {
            throw new UsageException("a user id is 1 to 128 of [A-Za-z0-9_.:@-]");
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
