package io.pushtech.kafidx;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Starts the system's headless Chromium through its chromedriver (Debian packages {@code chromium} and {@code
 * chromium-driver}, which {@code ./pushtech test} installs). {@code CHROMIUM_BINARY} and {@code CHROMEDRIVER}
 * point elsewhere. A missing browser fails the test with the fix; it is never skipped.
 */
final class Chromium {

    private Chromium() {}

    static ChromeDriver start() {
        Path binary = find("CHROMIUM_BINARY", "chromium", "chromium-browser", "google-chrome");
        Path driver = find("CHROMEDRIVER", "chromedriver");
        ChromeOptions options = new ChromeOptions()
                .setBinary(binary.toFile())
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-dev-shm-usage",
                        "--disable-gpu",
                        "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    private static Path find(String variable, String... names) {
        Optional<Path> configured = Optional.ofNullable(System.getenv(variable))
                .filter(v -> !v.isBlank())
                .map(Path::of);
        if (configured.isPresent()) {
            return configured.get();
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .flatMap(dir -> Stream.of(names).map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + String.join(" or ", names) + " on the PATH: "
                        + "install the Debian packages chromium and chromium-driver (./pushtech test does), or set "
                        + variable));
    }
}
