package io.pushtech.kafidx;

import static org.awaitility.Awaitility.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A kafidx page as a test sees it: a Vert.x WebSocket client that keeps every message it receives. */
final class ViewerClient implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(30);

    private final Vertx vertx = Vertx.vertx();
    // large enough that a test's long message leaves in one frame, as browsers send it
    private final WebSocketClient client =
            vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(256 * 1024));
    private final List<JsonObject> messages = new CopyOnWriteArrayList<>();
    private WebSocket socket;

    /** Opens the socket; the future fails (an {@code UpgradeRejectedException}) when kafidx refuses it. */
    Future<WebSocket> connect(int port, String token) {
        String uri = "/kafidx/ws" + (token == null ? "" : "?access_token=" + token);
        return client.connect(new WebSocketConnectOptions()
                        .setHost("127.0.0.1")
                        .setPort(port)
                        .setURI(uri))
                .onSuccess(ws -> {
                    socket = ws;
                    ws.textMessageHandler(text -> messages.add(new JsonObject(text)));
                });
    }

    ViewerClient open(int port, String token) throws Exception {
        connect(port, token).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        awaitMessage(m -> m.getString("kind").equals("hello"));
        return this;
    }

    void send(JsonObject message) throws Exception {
        socket.writeTextMessage(message.encode())
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    /** Watches {@code topics} and waits until kafidx says it reads them, so later events are not missed. */
    void watch(JsonObject watch) throws Exception {
        int before = count(m -> m.getString("kind").equals("watching"));
        send(watch.put("op", "watch"));
        await().atMost(WAIT).until(() -> count(m -> m.getString("kind").equals("watching")) > before);
    }

    JsonObject awaitMessage(Predicate<JsonObject> wanted) {
        return await().atMost(WAIT)
                .until(() -> messages.stream().filter(wanted).findFirst(), found -> found.isPresent())
                .orElseThrow();
    }

    List<JsonObject> messages(Predicate<JsonObject> wanted) {
        return messages.stream().filter(wanted).toList();
    }

    List<JsonObject> events() {
        return messages(m -> m.getString("kind").equals("event"));
    }

    int count(Predicate<JsonObject> wanted) {
        return messages(wanted).size();
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
