package io.pushtech.platform.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.concurrent.TimeUnit;

/** The reference for the tracker benchmark: a Vert.x HTTP server whose handler reads the request and answers 204. */
final class BareServer implements AutoCloseable {

    private final Vertx vertx;
    private final HttpServer server;

    private BareServer(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    static BareServer start() throws Exception {
        Vertx vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer()
                .requestHandler(request -> request.body()
                        .onComplete(
                                ignored -> request.response().setStatusCode(204).end()))
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        return new BareServer(vertx, server);
    }

    /** Runs the bare handler in a process of its own (see {@link ServerProcess}) until the process is stopped. */
    public static void main(String[] args) throws Exception {
        System.out.println("bare " + start().url());
    }

    String url() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
