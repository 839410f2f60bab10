package io.pushtech.devstack;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.json.JsonParseException;

/**
 * A local HTTP server that plays OneSignal's <i>Create notification</i> ({@code POST /notifications}) for tests
 * and benchmarks. It checks every request against the documented API (method, path, {@code Authorization: Key},
 * JSON body with {@code app_id}, {@code contents}, one target: {@code include_aliases.external_id} with
 * {@code target_channel: "push"} or {@code include_subscription_ids}, at most 20 000 recipients, a UUID
 * {@code idempotency_key}) and answers {@code 400} with {@code errors} when one is wrong, recording the violation.
 * Like OneSignal it honours idempotency keys: a key seen before gets the first answer again and sends nothing.
 * Faults can be scripted: statuses (with {@code Retry-After}), delays, and a rate limit answered with {@code 429}.
 */
public final class FakeOneSignal implements AutoCloseable {

    public static final int MAX_RECIPIENTS = 20_000;

    /** A request as it arrived, and what it was answered. */
    public record Received(
            long arrivalNanos,
            String idempotencyKey,
            List<String> externalIds,
            List<String> subscriptionIds,
            String heading,
            String content,
            Document data,
            int status,
            boolean duplicate) {}

    private record Fault(int status, Duration delay, Optional<Integer> retryAfterSeconds) {}

    private static final long START_TIMEOUT_SECONDS = 30;

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final String appId;
    private final String apiKey;
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final List<Received> received = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private final Map<String, String> sentIds = new HashMap<>();
    private volatile Consumer<Received> listener = r -> {};
    private int ratePerSecond;
    private long windowStart;
    private int inWindow;

    private FakeOneSignal(String appId, String apiKey) {
        this.appId = appId;
        this.apiKey = apiKey;
        this.server = vertx.createHttpServer(
                        new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .requestHandler(this::handle);
    }

    public static FakeOneSignal start(String appId, String apiKey) throws IOException {
        FakeOneSignal fake = new FakeOneSignal(appId, apiKey);
        try {
            fake.server.listen().toCompletionStage().toCompletableFuture().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            fake.close();
            throw new IOException("the fake OneSignal did not start", e);
        } catch (InterruptedException e) {
            fake.close();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the fake OneSignal", e);
        }
        return fake;
    }

    /** The base URL to configure as {@code ONESIGNAL_API_URL}. */
    public String url() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    /** The next {@code count} valid requests are answered {@code status} (with {@code Retry-After} if given). */
    public synchronized FakeOneSignal failNext(int count, int status, Optional<Integer> retryAfterSeconds) {
        for (int i = 0; i < count; i++) {
            faults.addLast(new Fault(status, Duration.ZERO, retryAfterSeconds));
        }
        return this;
    }

    /** The next {@code count} valid requests are answered (normally) only after {@code delay}. */
    public synchronized FakeOneSignal delayNext(int count, Duration delay) {
        for (int i = 0; i < count; i++) {
            faults.addLast(new Fault(0, delay, Optional.empty()));
        }
        return this;
    }

    /** Answers {@code 429} with {@code Retry-After: 1} beyond {@code perSecond} requests in a second (0: no limit). */
    public synchronized FakeOneSignal rateLimit(int perSecond) {
        this.ratePerSecond = perSecond;
        return this;
    }

    /** Called on each request as it is answered (on the server's event loop). */
    public FakeOneSignal onRequest(Consumer<Received> listener) {
        this.listener = listener;
        return this;
    }

    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** The notifications OneSignal would have sent: accepted, with a key not seen before. */
    public synchronized List<Received> sent() {
        return received.stream()
                .filter(r -> r.status() == 200 && !r.duplicate())
                .toList();
    }

    /** Requests that broke the documented API, with what was wrong; empty when the client is right. */
    public synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    public synchronized void reset() {
        faults.clear();
        received.clear();
        violations.clear();
        sentIds.clear();
        ratePerSecond = 0;
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the fake OneSignal did not stop", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpServerRequest request) {
        long arrival = System.nanoTime();
        request.body().onSuccess(bytes -> handle(request, bytes, arrival));
    }

    private void handle(HttpServerRequest request, Buffer bytes, long arrival) {
        Document body;
        String problem;
        try {
            body = Document.parse(bytes.toString(StandardCharsets.UTF_8));
            problem = check(request, body);
        } catch (JsonParseException | IllegalArgumentException e) {
            body = new Document();
            problem = "the body is not a JSON object";
        }
        if (problem != null) {
            synchronized (this) {
                violations.add(problem);
            }
            answer(
                    request.response(),
                    request.path().equals("/notifications") ? 400 : 404,
                    "{\"errors\":[\"" + problem.replace("\"", "'") + "\"]}",
                    Optional.empty());
            return;
        }
        Fault fault;
        boolean limited;
        synchronized (this) {
            fault = faults.pollFirst();
            limited = overRate();
        }
        Document valid = body;
        if (fault != null && !fault.delay().isZero()) {
            vertx.setTimer(fault.delay().toMillis(), t -> respond(request, valid, arrival, fault, limited));
        } else {
            respond(request, valid, arrival, fault, limited);
        }
    }

    private void respond(HttpServerRequest request, Document body, long arrival, Fault fault, boolean limited) {
        String key = body.getString("idempotency_key");
        Document aliases = body.get("include_aliases", Document.class);
        List<String> externalIds = aliases == null ? List.of() : aliases.getList("external_id", String.class);
        List<String> subscriptions = body.getList("include_subscription_ids", String.class, List.of());
        int status = limited ? 429 : fault != null && fault.status() != 0 ? fault.status() : 200;
        boolean duplicate;
        String id;
        synchronized (this) {
            duplicate = status == 200 && sentIds.containsKey(key);
            if (status == 200 && !duplicate) {
                sentIds.put(key, UUID.randomUUID().toString());
            }
            id = sentIds.get(key);
            Received received = new Received(
                    arrival,
                    key,
                    externalIds,
                    subscriptions,
                    text(body.get("headings", Document.class)),
                    text(body.get("contents", Document.class)),
                    body.get("data", Document.class),
                    status,
                    duplicate);
            this.received.add(received);
            listener.accept(received);
        }
        if (status == 200) {
            answer(request.response(), 200, "{\"id\":\"" + id + "\",\"external_id\":null}", Optional.empty());
        } else if (status == 429) {
            answer(
                    request.response(),
                    429,
                    "{\"errors\":[\"API rate limit exceeded\"]}",
                    Optional.of(limited ? 1 : fault.retryAfterSeconds().orElse(1)));
        } else {
            answer(
                    request.response(),
                    status,
                    "{\"errors\":[\"scripted failure " + status + "\"]}",
                    fault.retryAfterSeconds());
        }
    }

    private String check(HttpServerRequest request, Document body) {
        if (!request.method().name().equals("POST")) {
            return "method " + request.method().name() + " instead of POST";
        }
        if (!request.path().equals("/notifications")) {
            return "path " + request.path() + " instead of /notifications";
        }
        if (!("Key " + apiKey).equals(request.getHeader("Authorization"))) {
            return "Authorization is not 'Key <REST API key>'";
        }
        String type = request.getHeader("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            return "Content-Type is not application/json";
        }
        if (!appId.equals(body.get("app_id"))) {
            return "app_id is missing or not the app's";
        }
        if (!(body.get("contents") instanceof Document contents) || !(contents.get("en") instanceof String)) {
            return "contents must be an object with an 'en' text";
        }
        if (body.containsKey("headings") && !(body.get("headings") instanceof Document)) {
            return "headings must be an object";
        }
        if (body.containsKey("data") && !(body.get("data") instanceof Document)) {
            return "data must be an object";
        }
        if (!(body.get("idempotency_key") instanceof String key) || !isUuid(key)) {
            return "idempotency_key must be a UUID";
        }
        boolean byAlias = body.containsKey("include_aliases");
        boolean bySubscription = body.containsKey("include_subscription_ids");
        if (byAlias == bySubscription) {
            return "exactly one target is needed: include_aliases or include_subscription_ids";
        }
        Object recipients = byAlias
                ? (body.get("include_aliases") instanceof Document a ? a.get("external_id") : null)
                : body.get("include_subscription_ids");
        if (!(recipients instanceof List<?> list)
                || list.isEmpty()
                || list.size() > MAX_RECIPIENTS
                || !list.stream().allMatch(s -> s instanceof String t && !t.isBlank())) {
            return "the target must list 1 to " + MAX_RECIPIENTS + " non-blank ids";
        }
        if (byAlias && !"push".equals(body.get("target_channel"))) {
            return "include_aliases needs target_channel 'push'";
        }
        return null;
    }

    private boolean overRate() {
        if (ratePerSecond <= 0) {
            return false;
        }
        long now = System.nanoTime();
        if (now - windowStart >= TimeUnit.SECONDS.toNanos(1)) {
            windowStart = now;
            inWindow = 0;
        }
        return ++inWindow > ratePerSecond;
    }

    private static boolean isUuid(String text) {
        try {
            return UUID.fromString(text).toString().equalsIgnoreCase(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String text(Document languages) {
        return languages == null ? null : languages.getString("en");
    }

    private static void answer(HttpServerResponse response, int status, String json, Optional<Integer> retryAfter) {
        response.setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8");
        retryAfter.ifPresent(s -> response.putHeader("Retry-After", Integer.toString(s)));
        response.end(json);
    }
}
