package io.pushtech.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the {@code redis-server} program to run: the system's one on the PATH when present, else the binary
 * that the embedded-redis jar carries, extracted once into a cache directory and made executable. Safe from any
 * thread and any number of JVMs (the extraction is an atomic rename).
 */
final class RedisBinary {

    private static final Logger LOGGER = LoggerFactory.getLogger(RedisBinary.class);

    private RedisBinary() {}

    static Path locate() {
        Optional<Path> system = ProcessLauncher.onPath("redis-server");
        if (system.isPresent()) {
            return system.get();
        }
        return extractBundled(bundledResource());
    }

    // The names of the binaries inside com.github.codemonstur:embedded-redis 1.4.3.
    private static String bundledResource() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
        boolean arm64 = arch.equals("aarch64") || arch.equals("arm64");
        if (os.contains("linux") && x64) {
            return "redis-server-6.2.6-v5-linux-amd64";
        }
        if (os.contains("linux") && arm64) {
            return "redis-server-6.2.7-linux-arm64";
        }
        if (os.contains("mac") && x64) {
            return "redis-server-6.2.6-v5-darwin-amd64";
        }
        if (os.contains("mac") && arm64) {
            return "redis-server-6.2.6-v5-darwin-arm64";
        }
        throw new DevStackException("redis: no redis-server on the PATH and none bundled for " + os + "/" + arch
                + "; install redis-server");
    }

    private static Path extractBundled(String resource) {
        Path target = cacheDirectory().resolve(resource);
        try (InputStream in = redis.embedded.RedisServer.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new DevStackException("redis: " + resource + " is missing from the embedded-redis jar");
            }
            if (Files.isExecutable(target)) {
                return target;
            }
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), resource, ".part");
            Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            LOGGER.atInfo().addKeyValue("path", target).log("extracted the bundled redis-server");
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("redis: cannot extract " + resource + " to " + target, e);
        }
    }

    private static Path cacheDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg == null || xdg.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(xdg);
        return base.resolve("pushtech").resolve("redis");
    }
}
