package io.pushtech.platform.bench;

import io.pushtech.devstack.DevStack;
import io.pushtech.devstack.DevStackOptions;
import io.pushtech.storage.domain.GeoPoint;
import io.pushtech.storage.domain.MatchEngine;
import io.pushtech.storage.domain.MatchEvent.Reason;
import io.pushtech.storage.domain.NearbyQuery;
import io.pushtech.storage.domain.Offer;
import io.pushtech.storage.domain.Search;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

/**
 * {@code pushtech bench storage}: the match engine with 1 000 000 offers and 100 000 moving searches over a
 * metropolitan area, in process: location moves matched per second with their latency, nearby-offer
 * queries beside Redis {@code GEOSEARCH} on the same points (a real redis-server, same radius and count),
 * and heap per indexed item; then the storage service itself on the development stack, smaller
 * ({@link StorageServiceBenchmark}): the path from a {@code locations} record to its {@code matches}
 * record through Kafka, and nearby queries over HTTP beside {@code GEOSEARCH}.
 */
final class StorageBenchmark {

    private static final int OFFERS = 1_000_000;
    private static final int SEARCHES = 100_000;
    private static final int MOVES = 100_000;
    private static final int QUERIES = 20_000;
    private static final double QUERY_RADIUS = 1000;
    private static final int QUERY_COUNT = 20;
    private static final Instant T0 = Instant.parse("2026-11-24T00:00:00Z");
    private static final String GEO_KEY = "bench:offers";
    /** {@code all} (default), {@code engine} (the in-process part only) or {@code service} (the service only). */
    static final String PART_PROPERTY = "pushtech.bench.storage.part";

    private final PrintStream progress;
    private final MetroArea metro = new MetroArea(42);

    StorageBenchmark(PrintStream progress) {
        this.progress = progress;
    }

    BenchTable run() throws Exception {
        String part = System.getProperty(PART_PROPERTY, "all");
        if (!List.of("all", "engine", "service").contains(part)) {
            throw new IllegalArgumentException(PART_PROPERTY + " must be all, engine or service, not " + part);
        }
        BenchTable table = new BenchTable("bench storage (" + OFFERS + " offers, " + SEARCHES
                + " searches, one thread, in process; then the service)");
        Path dir = Files.createTempDirectory("pushtech-bench-storage");
        try (DevStack stack =
                DevStack.start(DevStackOptions.inDirectory(dir.resolve("stack")).withMongoInMemory())) {
            if (!part.equals("service")) {
                engine(stack, table);
            }
            if (!part.equals("engine")) {
                service(stack, table);
            }
        }
        return table;
    }

    /** The match engine in process, one thread, and GEOSEARCH on the same points. */
    private void engine(DevStack stack, BenchTable table) {
        MatchEngine engine = new MatchEngine();
        long heapBefore = usedHeap();
        progress.println("indexing " + OFFERS + " offers and " + SEARCHES + " searches ...");
        List<GeoPoint> offerPoints = new ArrayList<>(OFFERS);
        for (int i = 0; i < OFFERS; i++) {
            Offer offer = metro.offer("o" + i, "uo" + i, T0);
            offerPoints.add(offer.region().center());
            engine.apply(offer, Reason.CREATED, T0);
        }
        List<Search> searches = new ArrayList<>(SEARCHES);
        for (int i = 0; i < SEARCHES; i++) {
            Search search = metro.search("s" + i, "us" + i, T0);
            searches.add(search);
            engine.apply(search, Reason.CREATED, T0);
        }
        double bytesPerItem = (usedHeap() - heapBefore) / (double) (OFFERS + SEARCHES);
        progress.println("moving searches ...");
        Latencies moves = new Latencies(MOVES);
        long events = 0;
        long movesStart = System.nanoTime();
        for (int i = 0; i < MOVES; i++) {
            int n = metro.pick(SEARCHES);
            Search moved =
                    searches.get(n).movedTo(metro.near(searches.get(n).region().center()), T0);
            searches.set(n, moved);
            long start = System.nanoTime();
            events += engine.apply(moved, Reason.MOVED, T0).size();
            moves.add(System.nanoTime() - start);
        }
        double movesPerSecond = MOVES / ((System.nanoTime() - movesStart) / 1e9);
        List<GeoPoint> queryPoints = new ArrayList<>(QUERIES);
        for (int i = 0; i < QUERIES; i++) {
            queryPoints.add(metro.point());
        }
        progress.println("nearby queries ...");
        Latencies ours = new Latencies(QUERIES);
        long oursStart = System.nanoTime();
        for (GeoPoint p : queryPoints) {
            long start = System.nanoTime();
            engine.offersNear(
                    new NearbyQuery(p, QUERY_RADIUS, Set.of(), Optional.empty(), Optional.empty(), QUERY_COUNT));
            ours.add(System.nanoTime() - start);
        }
        double oursPerSecond = QUERIES / ((System.nanoTime() - oursStart) / 1e9);
        engine = null;
        searches = null;
        progress.println("the same queries on redis-server GEOSEARCH ...");
        Latencies redis = new Latencies(QUERIES);
        double redisPerSecond;
        try (Jedis jedis = new Jedis(java.net.URI.create(stack.redisUrl()))) {
            Pipeline pipeline = jedis.pipelined();
            for (int i = 0; i < OFFERS; i++) {
                pipeline.geoadd(
                        GEO_KEY, offerPoints.get(i).lng(), offerPoints.get(i).lat(), "o" + i);
                if (i % 10_000 == 0) {
                    pipeline.sync();
                }
            }
            pipeline.sync();
            long redisStart = System.nanoTime();
            for (GeoPoint p : queryPoints) {
                long start = System.nanoTime();
                StorageServiceBenchmark.geosearch(jedis, GEO_KEY, p, QUERY_RADIUS, QUERY_COUNT);
                redis.add(System.nanoTime() - start);
            }
            redisPerSecond = QUERIES / ((System.nanoTime() - redisStart) / 1e9);
            jedis.del(GEO_KEY);
        }
        table.row(
                        "search moves matched per second",
                        Math.round(movesPerSecond) + "/s (" + events + " match events)",
                        "—",
                        "—")
                .row(
                        "move matched p50 / p99",
                        ms(moves.percentileMillis(50)) + " / " + ms(moves.percentileMillis(99)),
                        "—",
                        "p99 < 1 ms")
                .row(
                        "nearby offers per second (" + (int) QUERY_RADIUS + " m, first " + QUERY_COUNT + ")",
                        Math.round(oursPerSecond) + "/s",
                        "Redis GEOSEARCH: " + Math.round(redisPerSecond) + "/s",
                        "≥ Redis")
                .row(
                        "nearby offers p50 / p99",
                        ms(ours.percentileMillis(50)) + " / " + ms(ours.percentileMillis(99)),
                        "Redis GEOSEARCH: " + ms(redis.percentileMillis(50)) + " / " + ms(redis.percentileMillis(99)),
                        "—")
                .row("heap per indexed item", Math.round(bytesPerItem) + " bytes", "—", "stated");
    }

    /** The storage service on the development stack ({@link StorageServiceBenchmark}). */
    private void service(DevStack stack, BenchTable table) throws Exception {
        StorageServiceBenchmark.Result service = new StorageServiceBenchmark(progress).run(stack);
        String size =
                StorageServiceBenchmark.OFFERS + " offers, " + StorageServiceBenchmark.SEARCHES + " following searches";
        String connections = StorageServiceBenchmark.CONNECTIONS + " connections";
        table.row(
                        "storage service (" + size + "): items loaded through their topics into MongoDB and the index",
                        Math.round(service.loadedPerSecond()) + " items/s",
                        "—",
                        "—")
                .row(
                        "storage service: `locations` record → its first `matches` record, p50 / p99",
                        ms(service.moves().percentileMillis(50)) + " / "
                                + ms(service.moves().percentileMillis(99))
                                + (service.missed() > 0 ? " (" + service.missed() + " without a match event)" : ""),
                        "—",
                        "—")
                .row(
                        "storage service: nearby offers over HTTP per second (wrk, " + connections + ", "
                                + (int) QUERY_RADIUS + " m, first " + QUERY_COUNT + ")",
                        Math.round(service.http().requestsPerSecond()) + "/s",
                        "Redis GEOSEARCH (Jedis, " + connections + "), same points: "
                                + Math.round(service.redisPerSecond()) + "/s",
                        "≥ Redis")
                .row(
                        "storage service: nearby offers over HTTP p50 / p99",
                        ms(service.http().p50Millis()) + " / "
                                + ms(service.http().p99Millis()),
                        "Redis GEOSEARCH: " + ms(service.redis().percentileMillis(50)) + " / "
                                + ms(service.redis().percentileMillis(99)),
                        "—");
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static String ms(double millis) {
        return String.format("%.3f ms", millis);
    }
}
