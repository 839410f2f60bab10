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
import io.pushtech.storage.domain.Region;
import io.pushtech.storage.domain.Search;
import io.pushtech.storage.infra.ItemChange;
import io.pushtech.storage.infra.ItemCodec;
import io.pushtech.storage.infra.ItemLog;
import io.pushtech.storage.infra.ItemMaterializer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Callable;
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
 * The storage service as deployed, on the development stack: offers and following searches loaded
 * through their topics, then (a) a {@code locations} record of a search's owner until the first
 * {@code matches} record of that search, one at a time, and (b) nearby-offer queries over HTTP beside
 * Redis {@code GEOSEARCH} on the same points. Smaller than the in-process run: every item also goes
 * through MongoDB.
 */
final class StorageServiceBenchmark {

    static final int OFFERS = 20_000;
    static final int SEARCHES = 2_000;
    private static final int MOVES = 500;
    private static final int WARM_UP = 50;
    private static final int QUERIES = 5_000;
    private static final double QUERY_RADIUS = 1000;
    private static final int QUERY_COUNT = 20;
    /** Query clients at once, each sending one query after another on a kept-alive connection. */
    static final int CLIENTS = 4;

    /** Unmeasured queries per client first, so both sides are measured compiled (as in bench tracker). */
    private static final int QUERY_WARM_UP = 2_000;

    private static final String SECRET = "bench-storage-secret-0123456789-abcdefghij";
    private static final String GEO_KEY = "bench:service-offers";

    /** What one run measured. */
    record Result(
            Latencies moves,
            int missed,
            Latencies http,
            double httpPerSecond,
            Latencies redis,
            double redisPerSecond) {}

    private final PrintStream progress;
    private final SplittableRandom random = new SplittableRandom(7);
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
            List<GeoPoint> offerPoints = load(producer, ns);
            awaitIndexed(base, OFFERS + SEARCHES);
            progress.println("storage service: locations → matches ...");
            Latencies moves = new Latencies(MOVES);
            int missed = moves(stack, producer, ns, moves);
            progress.println("storage service: nearby queries over HTTP and on GEOSEARCH ...");
            List<GeoPoint> queryPoints = new ArrayList<>(QUERIES);
            for (int i = 0; i < QUERIES; i++) {
                queryPoints.add(point());
            }
            Latencies httpLatencies = new Latencies(QUERIES);
            double httpRate = nearbyOverHttp(base, queryPoints, httpLatencies);
            Latencies redisLatencies = new Latencies(QUERIES);
            double redisRate = geosearch(stack, offerPoints, queryPoints, redisLatencies);
            return new Result(moves, missed, httpLatencies, httpRate, redisLatencies, redisRate);
        }
    }

    private List<GeoPoint> load(KafkaProducer<String, byte[]> producer, Namespace ns) {
        ItemLog log =
                new ItemLog(producer, new ItemMaterializer.Topics(ns.topic(Topics.SEARCHES), ns.topic(Topics.OFFERS)));
        Instant now = Instant.now();
        List<GeoPoint> points = new ArrayList<>(OFFERS);
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (int i = 0; i < OFFERS; i++) {
            GeoPoint p = point();
            points.add(p);
            Offer offer = new Offer(
                    "bo" + i,
                    "seller" + i,
                    "bench lamp " + i,
                    "",
                    "misc",
                    Optional.empty(),
                    List.of(),
                    new Region(p, 300 + random.nextDouble() * 1700),
                    false,
                    Optional.empty(),
                    1,
                    now,
                    now);
            sent.add(log.appendOffer(ItemChange.whole(ItemCodec.toJson(offer), Reason.CREATED, offer.id())));
        }
        for (int i = 0; i < SEARCHES; i++) {
            Search search = new Search(
                    "bs" + i,
                    "walker" + i,
                    "lamp",
                    Optional.empty(),
                    new Region(point(), 200 + random.nextDouble() * 800),
                    true,
                    Optional.empty(),
                    true,
                    1,
                    now,
                    now);
            sent.add(log.appendSearch(ItemChange.whole(ItemCodec.toJson(search), Reason.CREATED, search.id())));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        return points;
    }

    private void awaitIndexed(String base, int items) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
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
        throw new IllegalStateException("storage did not index " + items + " items within 5 minutes");
    }

    /** Moves one search at a time (each search once) and times its first match event; answers the misses. */
    private int moves(DevStack stack, KafkaProducer<String, byte[]> producer, Namespace ns, Latencies latencies)
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
                GeoPoint to = point();
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

    private static double nearbyOverHttp(String base, List<GeoPoint> points, Latencies latencies) throws Exception {
        return concurrently(points, latencies, () -> new Client() {
            @Override
            public void query(GeoPoint p) throws IOException {
                URL url = URI.create(base + "/store/offers?lat=" + p.lat() + "&lng=" + p.lng() + "&radius="
                                + (int) QUERY_RADIUS + "&limit=" + QUERY_COUNT)
                        .toURL();
                HttpURLConnection connection = (HttpURLConnection) url.openConnection();
                int status = connection.getResponseCode();
                try (InputStream body = connection.getInputStream()) {
                    body.readAllBytes();
                }
                if (status != 200) {
                    throw new IllegalStateException("nearby query answered " + status);
                }
            }

            @Override
            public void close() {}
        });
    }

    private static double geosearch(DevStack stack, List<GeoPoint> offers, List<GeoPoint> queries, Latencies latencies)
            throws Exception {
        try (Jedis jedis = new Jedis(URI.create(stack.redisUrl()))) {
            jedis.del(GEO_KEY);
            Pipeline pipeline = jedis.pipelined();
            for (int i = 0; i < offers.size(); i++) {
                pipeline.geoadd(GEO_KEY, offers.get(i).lng(), offers.get(i).lat(), "bo" + i);
            }
            pipeline.sync();
        }
        return concurrently(queries, latencies, () -> {
            Jedis jedis = new Jedis(URI.create(stack.redisUrl()));
            return new Client() {
                @Override
                public void query(GeoPoint p) {
                    jedis.geosearch(
                            GEO_KEY,
                            new GeoSearchParam()
                                    .fromLonLat(p.lng(), p.lat())
                                    .byRadius(QUERY_RADIUS, GeoUnit.M)
                                    .asc()
                                    .count(QUERY_COUNT)
                                    .withDist());
                }

                @Override
                public void close() {
                    jedis.close();
                }
            };
        });
    }

    /**
     * A query client: blocking, in the calling thread, on a connection kept open across its queries (Jedis
     * its own; HTTP through {@link HttpURLConnection}'s keep-alive cache), so neither side pays a client's
     * thread hand-offs.
     */
    private interface Client extends AutoCloseable {
        void query(GeoPoint p) throws Exception;
    }

    /**
     * Runs the queries on {@link #CLIENTS} clients at once, each with its own connection sending one query
     * after another; each client first warms up on a few queries. Answers the queries per second.
     */
    private static double concurrently(List<GeoPoint> points, Latencies latencies, Callable<Client> connect)
            throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Client> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(connect.call());
            }
            try {
                AtomicLong begin = new AtomicLong();
                CyclicBarrier start = new CyclicBarrier(CLIENTS, () -> begin.set(System.nanoTime()));
                List<Future<long[]>> runs = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    Client client = clients.get(c);
                    List<GeoPoint> share = new ArrayList<>();
                    for (int i = c; i < points.size(); i += CLIENTS) {
                        share.add(points.get(i));
                    }
                    runs.add(threads.submit(() -> {
                        for (int i = 0; i < QUERY_WARM_UP; i++) {
                            client.query(share.get(i % share.size()));
                        }
                        start.await();
                        long[] took = new long[share.size()];
                        for (int i = 0; i < share.size(); i++) {
                            long sent = System.nanoTime();
                            client.query(share.get(i));
                            took[i] = System.nanoTime() - sent;
                        }
                        return took;
                    }));
                }
                for (Future<long[]> run : runs) {
                    for (long took : run.get()) {
                        latencies.add(took);
                    }
                }
                return points.size() / ((System.nanoTime() - begin.get()) / 1e9);
            } finally {
                for (Client client : clients) {
                    client.close();
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private GeoPoint point() {
        return new GeoPoint(52.34 + random.nextDouble() * 0.36, 13.08 + random.nextDouble() * 0.68);
    }
}
