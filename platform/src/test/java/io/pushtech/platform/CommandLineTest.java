package io.pushtech.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushtech.common.auth.BearerTokens;
import io.pushtech.common.config.Settings;
import io.vertx.core.Vertx;
import io.vertx.ext.auth.authentication.TokenCredentials;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dataDir;

    @Test
    void helpListsEveryCommand() {
        // When
        int code = run(Map.of(), "help");

        // Then
        assertThat(code).isZero();
        assertThat(out())
                .contains(
                        "up [--external]",
                        "run <service>",
                        "test",
                        "bench <name>",
                        "token [--admin] <userId>",
                        "config");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "launch",
                "run nosuch",
                "run",
                "up --bogus",
                "bench nosuch",
                "token",
                "token --admin",
                "help me",
                "replay",
                "replay nosuch"
            })
    void badArgumentsGiveOneLineErrorUsageAndExitCode2(String args) {
        // When
        int code = run(Map.of(), args.isEmpty() ? new String[0] : args.split(" "));

        // Then
        assertThat(code).isEqualTo(2);
        assertThat(err().lines().findFirst())
                .hasValueSatisfying(line -> assertThat(line).startsWith("pushtech: "));
        assertThat(err()).contains("usage: pushtech <command>");
    }

    @Test
    void tokenIsAcceptedWithTheStacksSecret() throws Exception {
        // When
        int code = run(Map.of("PUSHTECH_DATA_DIR", dataDir.toString()), "token", "alice");

        // Then
        assertThat(code).isZero();
        String secret = Files.readString(dataDir.resolve("jwt-secret"));
        Vertx vertx = Vertx.vertx();
        try {
            var user = new BearerTokens(vertx, secret)
                    .provider()
                    .authenticate(new TokenCredentials(out().strip()))
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(5, TimeUnit.SECONDS);
            assertThat(user.principal().getString("sub")).isEqualTo("alice");
        } finally {
            vertx.close();
        }
    }

    @Test
    void adminTokenCarriesTheAdminRole() throws Exception {
        // When
        int code = run(Map.of("PUSHTECH_DATA_DIR", dataDir.toString()), "token", "--admin", "dev");

        // Then
        assertThat(code).isZero();
        String secret = Files.readString(dataDir.resolve("jwt-secret"));
        Vertx vertx = Vertx.vertx();
        try {
            var user = new BearerTokens(vertx, secret)
                    .provider()
                    .authenticate(new TokenCredentials(out().strip()))
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(5, TimeUnit.SECONDS);
            assertThat(user.principal().getString("sub")).isEqualTo("dev");
            assertThat(user.principal().getJsonArray(BearerTokens.ROLES_CLAIM))
                    .containsExactly(BearerTokens.ADMIN_ROLE);
        } finally {
            vertx.close();
        }
    }

    @Test
    void tokenRefusesAUserIdWithSpaces() {
        // When
        int code = run(Map.of("PUSHTECH_DATA_DIR", dataDir.toString()), "token", "a b");

        // Then
        assertThat(code).isEqualTo(2);
    }

    @Test
    void upWithATakenPortFailsAtOnceNamingPortAndSetting() throws Exception {
        // Given
        try (ServerSocket taken = new ServerSocket(0)) {
            // When
            int code = run(
                    Map.of(
                            "PUSHTECH_DATA_DIR",
                            dataDir.toString(),
                            "TRACKER_PORT",
                            Integer.toString(taken.getLocalPort())),
                    "up");

            // Then
            assertThat(code).isEqualTo(1);
            assertThat(err().strip())
                    .isEqualTo("pushtech: tracker: port " + taken.getLocalPort()
                            + " is already in use (set TRACKER_PORT to another port)");
            assertThat(dataDir.resolve("kafka")).doesNotExist();
        }
    }

    @Test
    void unknownLogFormatIsRefusedBeforeAnythingStarts() {
        // When
        int code = run(Map.of("PUSHTECH_LOG_FORMAT", "xml"), "help");

        // Then
        assertThat(code).isEqualTo(1);
        assertThat(err().strip())
                .isEqualTo("pushtech: PUSHTECH_LOG_FORMAT='xml' is not valid: must be one of text, json");
    }

    @Test
    void configPrintsEverySetting() {
        // When
        int code = run(Map.of(), "config");

        // Then
        assertThat(code).isZero();
        assertThat(out()).contains("| `KAFKA_BOOTSTRAP` |", "| `TRACKER_PORT` | `8081` |", "| `PUSHTECH_DATA_DIR` |");
    }

    private int run(Map<String, String> env, String... args) {
        return new CommandLine(print(out), print(err), Settings.of(env)).run(args);
    }

    private static PrintStream print(ByteArrayOutputStream buffer) {
        return new PrintStream(buffer, true, StandardCharsets.UTF_8);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
