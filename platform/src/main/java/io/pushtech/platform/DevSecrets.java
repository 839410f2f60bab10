package io.pushtech.platform;

import io.pushtech.common.config.CommonSettings;
import io.pushtech.common.config.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The token secret of the development stack: {@code PUSHTECH_JWT_SECRET} when set, otherwise a random
 * secret kept in the data directory so that {@code pushtech token} and {@code pushtech up} agree.
 */
public final class DevSecrets {

    private static final String FILE = "jwt-secret";

    private DevSecrets() {}

    public static String jwtSecret(Settings settings, Path dataDir) throws IOException {
        var configured = settings.raw(CommonSettings.JWT_SECRET.name());
        if (configured.isPresent()) {
            return configured.get();
        }
        Path file = dataDir.resolve(FILE);
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String secret = HexFormat.of().formatHex(random);
        Files.createDirectories(dataDir);
        Files.writeString(file, secret, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return secret;
    }
}
