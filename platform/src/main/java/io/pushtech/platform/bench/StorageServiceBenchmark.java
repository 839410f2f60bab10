package io.pushtech.platform.bench;

import io.pushtech.common.Json;
import io.pushtech.common.Namespace;
import io.pushtech.common.Topics;
import io.pushtech.common.config.Settings;
import io.pushtech.common.event.LocationUpdate;
import io.pushtech.common.kafka.KafkaClientProperties;
import io.pushtech.common.service.RunningServices;
import io.pushtech.devstack.DevStack;
import io.pushtech.storage.StorageDefinition;
import io.pushtech.storage.StorageVerticle;
import io.pushtech.storage.domain.GeoPoint;
import io.pushtech.storage.domain.MatchEvent.Reason;
import io.pushtech.storage.domain.Offer;
import io.pushtech.storage.domain.Search;
import io.pushtech.storage.infra.ItemChange;
import io.pushtech.storage.infra.ItemCodec;
import io.pushtech.storage.infra.ItemLog;
import io.pushtech.storage.infra.ItemMaterializer;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.args.GeoUnit;
import redis.clients.jedis.params.GeoSearchParam;

/**
 * The storage service as deployed, on the development stack, with as many items as the in-process run: offers
 * and following searches loaded through their topics, then (a) a {@code locations} record of a search's owner
 * until the first {@code matches} record of that search, one at a time, and (b) nearby-offer queries over HTTP
 * (wrk) beside Redis {@code GEOSEARCH} (Jedis) on the same points, with the same number of connections.
 */
final class StorageServiceBenchmark {

    static final int OFFERS = Integer.getInteger("pushtech.bench.storage.offers", 1_000_000);
    static final int SEARCHES = Integer.getInteger("pushtech.bench.storage.searches", 100_000);
    private static final int MOVES = 500;
    private static final int WARM_UP = 50;
    private static final int QUERY_POINTS = 5_000;
    private static final double QUERY_RADIUS = 1000;
    private static final int QUERY_COUNT = 20;
    /** Connections at once on either side, each sending one query after another. */
    static final int CONNECTIONS = 4;
    /** Unmeasured first, so both sides are measured compiled (as in bench tracker). */
    private static final Duration QUERY_WARM_UP = Duration.ofSeconds(5);

    private static final Duration QUERY_RUN = Duration.ofSeconds(10);
    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(30);
    private static final int SEND_CHUNK = 10_000;
    private static final String SECRET = "bench-storage-secret-0123456789-abcdefghij";
    private static final String GEO_KEY = "bench:service-offers";

    /** What one run measured. */
    record Result(
            double loadedPerSecond,
            Latencies moves,
            int missed,
            Wrk.Result http,
            Latencies redis,
            double redisPerSecond) {}

    private final PrintStream progress;
    private final MetroArea metro = new MetroArea(7);
    private final HttpClient http = HttpClient.newHttpClient();

    StorageServiceBenchmark(PrintStream progress) {
        this.progress = progress;
    }

    Result run(DevStack stack) throws Exception {
        Namespace ns = new Namespace("bench" + Long.toString(System.nanoTime(), 36));
        try (RunningServices services = RunningServices.start(
                        List.of(new StorageDefinition()),
                        Settings.of(Map.of(
                                "KAFKA_BOOTSTRAP",
                                stack.kafkaBootstrap(),
                                "MONGO_URI",
                                stack.mongoUri(),
                                "PUSHTECH_NAMESPACE",
                                ns.value(),
                                "HTTP_HOST",
                                "127.0.0.1",
                                "STORAGE_PORT",
                                "0",
                                "PUSHTECH_JWT_SECRET",
                                SECRET)));
                var producer = new KafkaProducer<String, byte[]>(
                        KafkaClientProperties.producer(stack.kafkaBootstrap(), "bench-storage"))) {
            String base = "http://127.0.0.1:" + services.port(StorageVerticle.NAME);
            progress.println("storage service: loading " + OFFERS + " offers and " + SEARCHES
                    + " searches through their topics ...");
            long loadStart = System.nanoTime();
            Loaded loaded = load(producer, ns);
            awaitIndexed(base, OFFERS + SEARCHES);
            double loadedPerSecond = (OFFERS + SEARCHES) / ((System.nanoTime() - loadStart) / 1e9);
            progress.println("storage service: locations → matches ...");
            Latencies moves = new Latencies(MOVES);
            int missed = moves(stack, producer, ns, loaded, moves);
            List<GeoPoint> queryPoints = new ArrayList<>(QUERY_POINTS);
            for (int i = 0; i < QUERY_POINTS; i++) {
                queryPoints.add(metro.point());
            }
            progress.println("storage service: nearby queries over HTTP (wrk) ...");
            Wrk.Result http = nearbyOverHttp(base, queryPoints);
            progress.println("storage service: the same queries on GEOSEARCH ...");
            Latencies redisLatencies = new Latencies(1 << 22);
            double redisRate = geosearch(stack, loaded.offerPoints(), queryPoints, redisLatencies);
            return new Result(loadedPerSecond, moves, missed, http, redisLatencies, redisRate);
        }
    }

    /**
     * What the benchmark keeps of the loaded items: the offers' points, the offers by word of their titles and
     * each search's keywords, so that a move can take a search to an offer it matches.
     */
    private record Loaded(
            List<GeoPoint> offerPoints, Map<String, List<Integer>> offersByWord, List<String> searchKeywords) {}

    private Loaded load(KafkaProducer<String, byte[]> producer, Namespace ns) {
        ItemLog log =
                new ItemLog(producer, new ItemMaterializer.Topics(ns.topic(Topics.SEARCHES), ns.topic(Topics.OFFERS)));
        Instant now = Instant.now();
        List<GeoPoint> points = new ArrayList<>(OFFERS);
        Map<String, List<Integer>> offersByWord = new HashMap<>();
        List<String> searchKeywords = new ArrayList<>(SEARCHES);
        List<CompletableFuture<Void>> sent = new ArrayList<>(SEND_CHUNK);
        for (int i = 0; i < OFFERS + SEARCHES; i++) {
            if (i < OFFERS) {
                Offer offer = metro.offer("bo" + i, "seller" + i, now);
                points.add(offer.region().center());
                for (String word : offer.title().split(" ")) {
                    offersByWord.computeIfAbsent(word, w -> new ArrayList<>()).add(i);
                }
                sent.add(log.appendOffer(ItemChange.whole(ItemCodec.toJson(offer), Reason.CREATED, offer.id())));
            } else {
                int n = i - OFFERS;
                Search search = metro.search("bs" + n, "walker" + n, now);
                searchKeywords.add(search.keywords());
                sent.add(log.appendSearch(ItemChange.whole(ItemCodec.toJson(search), Reason.CREATED, search.id())));
            }
            if (sent.size() == SEND_CHUNK) {
                CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
                sent.clear();
            }
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        return new Loaded(points, offersByWord, searchKeywords);
    }

    private void awaitIndexed(String base, int items) throws Exception {
        long deadline = System.nanoTime() + LOAD_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String metrics = get(base + "/metrics").body();
            double indexed = metrics.lines()
                    .filter(line -> line.startsWith("storage_index_items"))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .findFirst()
                    .orElse(0);
            if (indexed >= items && get(base + "/ready").statusCode() == 200) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("storage did not index " + items + " items within " + LOAD_TIMEOUT);
    }

    /**
     * Moves one search at a time (each search once) onto an offer whose title has the search's keyword, so that
     * the move starts a match, and times its first match event; answers the misses.
     */
    private int moves(
            DevStack stack, KafkaProducer<String, byte[]> producer, Namespace ns, Loaded loaded, Latencies latencies)
            throws Exception {
        String matches = ns.topic(Topics.MATCHES);
        int missed = 0;
        try (var consumer = new KafkaConsumer<String, byte[]>(KafkaClientProperties.consumer(
                stack.kafkaBootstrap(), "bench-" + UUID.randomUUID(), "bench-matches"))) {
            List<TopicPartition> partitions = consumer.partitionsFor(matches).stream()
                    .map(p -> new TopicPartition(matches, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            for (int i = 0; i < WARM_UP + MOVES; i++) {
                String searchId = "bs" + i;
                List<Integer> candidates = loaded.offersByWord()
                        .getOrDefault(loaded.searchKeywords().get(i), List.of());
                GeoPoint to = candidates.isEmpty()
                        ? metro.point()
                        : loaded.offerPoints().get(candidates.get(metro.pick(candidates.size())));
                LocationUpdate update = new LocationUpdate(
                        UUID.randomUUID().toString(),
                        "walker" + i,
                        "phone" + i,
                        to.lat(),
                        to.lng(),
                        null,
                        Instant.now());
                long start = System.nanoTime();
                producer.send(new ProducerRecord<>(ns.topic(Topics.LOCATIONS), update.key(), Json.toBytes(update)));
                producer.flush();
                if (awaitMatchOf(
                        consumer, searchId, start + Duration.ofSeconds(10).toNanos())) {
                    if (i >= WARM_UP) {
                        latencies.add(System.nanoTime() - start);
                    }
                } else if (i >= WARM_UP) {
                    missed++;
                }
            }
        }
        return missed;
    }

    private static boolean awaitMatchOf(KafkaConsumer<String, byte[]> consumer, String searchId, long deadline) {
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(5))) {
                String key = record.key();
                if (key != null && key.startsWith(searchId + "|")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** wrk on {@link #CONNECTIONS} connections, cycling through the query points; a warm-up run first. */
    private static Wrk.Result nearbyOverHttp(String base, List<GeoPoint> points) throws Exception {
        Path dir = Files.createTempDirectory("pushtech-bench-nearby");
        Path paths = dir.resolve("paths.txt");
        Files.write(
                paths,
                points.stream()
                        .map(p -> "/store/offers?lat=" + p.lat() + "&lng=" + p.lng() + "&radius=" + (int) QUERY_RADIUS
                                + "&limit=" + QUERY_COUNT)
                        .toList());
        Map<String, String> environment = Map.of("PUSHTECH_WRK_PATHS", paths.toString());
        Wrk.prepare(dir, "wrk-nearby.lua", 2, CONNECTIONS, QUERY_WARM_UP).run(base, environment);
        Wrk.Result result =
                Wrk.prepare(dir, "wrk-nearby.lua", 2, CONNECTIONS, QUERY_RUN).run(base, environment);
        if (result.errors() > 0) {
            throw new IllegalStateException(result.errors() + " nearby queries failed (non-2xx or socket errors)");
        }
        return result;
    }

    /**
     * {@code GEOSEARCH} on {@link #CONNECTIONS} Jedis connections, each on its own thread cycling through its share
     * of the query points, for as long as wrk's run after as long as its warm-up. Answers the queries per second.
     */
    private static double geosearch(DevStack stack, List<GeoPoint> offers, List<GeoPoint> queries, Latencies latencies)
            throws Exception {
        try (Jedis jedis = new Jedis(URI.create(stack.redisUrl()))) {
            jedis.del(GEO_KEY);
            Pipeline pipeline = jedis.pipelined();
            for (int i = 0; i < offers.size(); i++) {
                pipeline.geoadd(GEO_KEY, offers.get(i).lng(), offers.get(i).lat(), "bo" + i);
                if (i % SEND_CHUNK == 0) {
                    pipeline.sync();
                }
            }
            pipeline.sync();
        }
        ExecutorService threads = Executors.newFixedThreadPool(CONNECTIONS);
        try {
            AtomicLong begin = new AtomicLong();
            CyclicBarrier start = new CyclicBarrier(CONNECTIONS, () -> begin.set(System.nanoTime()));
            List<Future<long[]>> runs = new ArrayList<>();
            for (int c = 0; c < CONNECTIONS; c++) {
                int first = c;
                runs.add(threads.submit(() -> {
                    try (Jedis jedis = new Jedis(URI.create(stack.redisUrl()))) {
                        long warmUpEnd = System.nanoTime() + QUERY_WARM_UP.toNanos();
                        int i = first;
                        while (System.nanoTime() < warmUpEnd) {
                            geosearch(jedis, queries.get(i++ % queries.size()));
                        }
                        start.await();
                        long end = begin.get() + QUERY_RUN.toNanos();
                        long[] took = new long[1 << 20];
                        int n = 0;
                        for (long sent = System.nanoTime(); sent < end && n < took.length; sent = System.nanoTime()) {
                            geosearch(jedis, queries.get(i++ % queries.size()));
                            took[n++] = System.nanoTime() - sent;
                        }
                        return Arrays.copyOf(took, n);
                    }
                }));
            }
            int count = 0;
            for (Future<long[]> run : runs) {
                for (long took : run.get()) {
                    latencies.add(took);
                    count++;
                }
            }
            return count / ((System.nanoTime() - begin.get()) / 1e9);
        } finally {
            threads.shutdownNow();
            try (Jedis jedis = new Jedis(URI.create(stack.redisUrl()))) {
                jedis.del(GEO_KEY);
            }
        }
    }

    private static void geosearch(Jedis jedis, GeoPoint p) {
        geosearch(jedis, GEO_KEY, p, QUERY_RADIUS, QUERY_COUNT);
    }

    /** {@code GEOSEARCH key FROMLONLAT p BYRADIUS radius m ASC COUNT count WITHDIST}. */
    static void geosearch(Jedis jedis, String key, GeoPoint p, double radius, int count) {
        jedis.geosearch(
                key,
                new GeoSearchParam()
                        .fromLonLat(p.lng(), p.lat())
                        .byRadius(radius, GeoUnit.M)
                        .asc()
                        .count(count)
                        .withDist());
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
