package io.pushtech.platform.bench;

import io.pushtech.common.Json;
import io.pushtech.common.Streams;
import io.pushtech.common.event.RequestEvents;
import io.pushtech.common.event.TrackingEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.XAddParams;

/**
 * Tracking events as the tracker writes them, with a realistic mix: 100 000 devices, each with its own address
 * (public IPv4 and IPv6 from many networks, one in ten private), location pings and page views, common user agents.
 */
final class RealisticEvents {

    private static final List<String> USER_AGENTS = List.of(
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko)"
                    + " Version/17.1 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
                    + " Chrome/119.0.6045.163 Mobile Safari/537.36",
            "Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko)"
                    + " Chrome/118.0.5993.111 Mobile Safari/537.36",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
                    + " Chrome/120.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:120.0) Gecko/20100101 Firefox/120.0",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)"
                    + " Version/17.1 Safari/605.1.15",
            "Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0",
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "Pushtech/3.2 (Android 12; SM-A525F)",
            "Pushtech/3.2 (iOS 16.6; iPhone14,2)");

    private static final int DEVICES = 100_000;

    private final Random random = new Random(7);
    private final Instant now = Instant.now();

    TrackingEvent next() {
        String id = UUID.randomUUID().toString();
        int deviceNumber = random.nextInt(DEVICES);
        String device = "device-" + deviceNumber;
        String ip = address(new Random(deviceNumber));
        String agent = USER_AGENTS.get(random.nextInt(USER_AGENTS.size()));
        if (random.nextInt(3) == 0) {
            return new TrackingEvent(
                    id,
                    "location",
                    now,
                    now,
                    device,
                    "user-" + random.nextInt(100_000),
                    48 + random.nextDouble() * 6,
                    2 + random.nextDouble() * 12,
                    5.0 + random.nextInt(50),
                    Map.of("battery", Integer.toString(random.nextInt(100))),
                    ip,
                    agent);
        }
        return new TrackingEvent(
                id,
                "view",
                now,
                now,
                device,
                null,
                null,
                null,
                null,
                Map.of("page", "/offers/" + random.nextInt(10_000), "email", "someone@example.com"),
                ip,
                agent);
    }

    private static String address(Random random) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return "192.168." + random.nextInt(256) + "." + random.nextInt(256);
        }
        if (kind <= 2) {
            return String.format(
                    "2a0%d:%x:%x::%x",
                    random.nextInt(4), random.nextInt(0xffff), random.nextInt(0xffff), random.nextInt(0xffff));
        }
        return (1 + random.nextInt(223)) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                + random.nextInt(256);
    }

    /**
     * A stream entry's {@code events} field as the tracker writes it: the events by request. Each of these events
     * comes from a device of its own, so each is a request of its own, as pixels are.
     */
    static String entry(List<TrackingEvent> events) {
        return Json.toText(Map.of(
                Streams.REQUESTS,
                events.stream().map(event -> RequestEvents.of(List.of(event))).toList()));
    }

    /**
     * Appends {@code count} events to {@code stream}, pipelined, {@code perEntry} to an entry: the shape the
     * tracker writes when it merges the requests of one group commit.
     */
    void fill(JedisPooled redis, String stream, int count, int perEntry) {
        try (var pipeline = redis.pipelined()) {
            List<TrackingEvent> entry = new ArrayList<>(perEntry);
            for (int i = 0; i < count; i++) {
                entry.add(next());
                if (entry.size() == perEntry || i == count - 1) {
                    pipeline.xadd(stream, XAddParams.xAddParams(), Map.of(Streams.EVENTS_FIELD, entry(entry)));
                    entry.clear();
                }
                if (i % 2000 == 1999) {
                    pipeline.sync();
                }
            }
            pipeline.sync();
        }
    }
}
