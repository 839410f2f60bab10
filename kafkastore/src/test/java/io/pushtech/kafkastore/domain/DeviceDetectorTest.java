package io.pushtech.kafkastore.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DeviceDetectorTest {

    static final String IPHONE_SAFARI = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15"
            + " (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1";
    static final String ANDROID_CHROME = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36"
            + " (KHTML, like Gecko) Chrome/119.0.6045.163 Mobile Safari/537.36";
    static final String DESKTOP_FIREFOX =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:120.0) Gecko/20100101 Firefox/120.0";
    static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

    private final DeviceDetector detector = new DeviceDetector(100);

    @Test
    void iphoneSafari() {
        // When
        Device device = detector.detect(IPHONE_SAFARI).orElseThrow();

        // Then
        assertThat(device).isEqualTo(new Device("iOS", "17.1", "Mobile Safari", "17.1", "iPhone", false));
    }

    @Test
    void androidChrome() {
        // When
        Device device = detector.detect(ANDROID_CHROME).orElseThrow();

        // Then
        assertThat(device).isEqualTo(new Device("Android", "14", "Chrome Mobile", "119.0.6045", "Pixel 8", false));
    }

    @Test
    void desktopFirefox() {
        // When
        Device device = detector.detect(DESKTOP_FIREFOX).orElseThrow();

        // Then
        assertThat(device).isEqualTo(new Device("Windows", "10", "Firefox", "120.0", null, false));
    }

    @Test
    void googlebotIsABot() {
        // When
        Device device = detector.detect(GOOGLEBOT).orElseThrow();

        // Then
        assertThat(device.bot()).isTrue();
        assertThat(device.browser()).isEqualTo("Googlebot");
    }

    @Test
    void noUserAgentGivesNoDevice() {
        // When / Then
        assertThat(detector.detect(null)).isEmpty();
        assertThat(detector.detect("  ")).isEmpty();
    }

    @Test
    void concurrentDetectionWithASmallCacheNeitherHangsNorMixesResults() throws Exception {
        // Given
        DeviceDetector smallCache = new DeviceDetector(2);
        List<String> agents = List.of(IPHONE_SAFARI, ANDROID_CHROME, DESKTOP_FIREFOX, GOOGLEBOT);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Boolean>> results = new ArrayList<>();

        // When
        for (int t = 0; t < 4; t++) {
            int offset = t;
            results.add(pool.submit(() -> {
                boolean consistent = true;
                for (int i = 0; i < 2000; i++) {
                    String agent = agents.get((i + offset) % agents.size());
                    consistent &= smallCache.detect(agent).orElseThrow().bot() == (agent == GOOGLEBOT);
                }
                return consistent;
            }));
        }
        pool.shutdown();

        // Then
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        for (Future<Boolean> result : results) {
            assertThat(result.get()).isTrue();
        }
    }
}
