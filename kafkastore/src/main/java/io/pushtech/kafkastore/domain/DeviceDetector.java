package io.pushtech.kafkastore.domain;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.util.Optional;
import java.util.regex.Pattern;
import ua_parser.Client;
import ua_parser.Parser;

/**
 * Enrichment step: OS, browser, device family and bot flag of a user agent, with uap-java. Parsing costs tens of
 * microseconds, so results are cached by user-agent string in a Caffeine cache: uap-java's own {@code
 * CachingParser} is an unsynchronized LRU map that can hang under concurrent use. Thread-safe.
 */
public final class DeviceDetector {

    private static final int MAX_USER_AGENT_LENGTH = 512;
    private static final String SPIDER = "Spider";
    private static final Pattern BOT_WORDS =
            Pattern.compile("(?i)bot\\b|crawl|spider|slurp|headless|facebookexternalhit|bingpreview");

    private final Parser parser = new Parser();
    private final LoadingCache<String, Device> cache;

    public DeviceDetector(int cacheSize) {
        // maintenance on the calling thread: handing it to the common pool costs a thread wake-up per batch of reads
        this.cache = Caffeine.newBuilder()
                .maximumSize(cacheSize)
                .executor(Runnable::run)
                .build(this::parse);
    }

    /** What {@code userAgent} says; empty when there is none. */
    public Optional<Device> detect(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return Optional.empty();
        }
        String key =
                userAgent.length() > MAX_USER_AGENT_LENGTH ? userAgent.substring(0, MAX_USER_AGENT_LENGTH) : userAgent;
        return Optional.of(cache.get(key));
    }

    private Device parse(String userAgent) {
        Client client = parser.parse(userAgent);
        boolean bot = SPIDER.equals(client.device.family)
                || BOT_WORDS.matcher(userAgent).find();
        return new Device(
                known(client.os.family),
                version(client.os.major, client.os.minor, client.os.patch),
                known(client.userAgent.family),
                version(client.userAgent.major, client.userAgent.minor, client.userAgent.patch),
                known(client.device.family),
                bot);
    }

    private static String known(String family) {
        return family == null || family.equals("Other") ? null : family;
    }

    private static String version(String major, String minor, String patch) {
        if (major == null || major.isEmpty()) {
            return null;
        }
        StringBuilder version = new StringBuilder(major);
        if (minor != null && !minor.isEmpty()) {
            version.append('.').append(minor);
            if (patch != null && !patch.isEmpty()) {
                version.append('.').append(patch);
            }
        }
        return version.toString();
    }
}
