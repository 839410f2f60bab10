package io.pushtech.common.service;

import io.pushtech.common.http.HttpEndpoint;
import io.pushtech.common.http.InvalidRequests;
import io.pushtech.common.http.PortInUseException;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.function.Supplier;

/**
 * Base of every Pushtech service: a verticle with one HTTP server, whose bound port the platform prints.
 * Lifecycle methods run on the verticle's event loop.
 */
public abstract class ServiceVerticle extends VerticleBase {

    private static final int IDLE_TIMEOUT_SECONDS = 60;
    private static final int FREE_PORT_ATTEMPTS = 5;

    /** Pixel requests carry their properties in the query: four times Netty's default of 4 KiB. */
    private static final int MAX_REQUEST_LINE_BYTES = 16 * 1024;

    private static final InvalidRequests INVALID_REQUESTS =
            new InvalidRequests(MAX_REQUEST_LINE_BYTES, HttpServerOptions.DEFAULT_MAX_HEADER_SIZE);

    private volatile int port = -1;

    /** The service's name, as in {@code pushtech run <name>}. */
    public abstract String name();

    /** The port the HTTP server is bound to; -1 before it started. */
    public int port() {
        return port;
    }

    protected final Future<HttpServer> listen(Router router, HttpEndpoint endpoint) {
        return vertx.createHttpServer(serverOptions(endpoint.host(), endpoint.port()))
                .invalidRequestHandler(INVALID_REQUESTS)
                .requestHandler(router)
                .listen()
                .recover(failure -> Future.failedFuture(
                        isBindFailure(failure)
                                ? new PortInUseException(name(), endpoint.port(), endpoint.portSetting())
                                : failure))
                .onSuccess(server -> port = server.actualPort());
    }

    /**
     * Serves from {@code eventLoops} event loops: this verticle's, and one more server per extra loop on the same
     * port (Vert.x hands new connections to them in turn). Each server gets its own router from {@code routers};
     * whatever the routers share must be thread-safe. The extra servers stop with this verticle.
     */
    protected final Future<HttpServer> listen(Supplier<Router> routers, HttpEndpoint endpoint, int eventLoops) {
        if (eventLoops <= 1) {
            return listen(routers.get(), endpoint);
        }
        if (endpoint.port() == 0) {
            return listenOnFreePort(routers, endpoint, eventLoops, FREE_PORT_ATTEMPTS);
        }
        return listen(routers.get(), endpoint).compose(first -> vertx.deployVerticle(
                        () -> new SharedPortServer(serverOptions(endpoint.host(), endpoint.port()), routers),
                        new DeploymentOptions().setInstances(eventLoops - 1))
                .map(first));
    }

    /**
     * Vert.x shares a port between servers only when each asked for that port, so "any free port" is chosen here;
     * another process may take it between the choice and the bind, which is then retried with another.
     */
    private Future<HttpServer> listenOnFreePort(
            Supplier<Router> routers, HttpEndpoint endpoint, int eventLoops, int attempts) {
        HttpEndpoint chosen;
        try {
            chosen = new HttpEndpoint(endpoint.host(), freePort(endpoint.host()), endpoint.portSetting());
        } catch (IOException e) {
            return Future.failedFuture(e);
        }
        return listen(routers, chosen, eventLoops)
                .recover(failure -> failure instanceof PortInUseException && attempts > 1
                        ? listenOnFreePort(routers, endpoint, eventLoops, attempts - 1)
                        : Future.failedFuture(failure));
    }

    private static int freePort(String host) throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        }
    }

    /**
     * HTTP/1.1 only: the limits, timeouts and tests cover HTTP/1.1, and clear-text HTTP/2 (an {@code Upgrade: h2c}
     * or a prior-knowledge connection) would open a second protocol to hostile clients; a proxy in front can
     * speak HTTP/2 to clients. No WebSocket compression: its extension handler sits in the pipeline of every
     * connection, and only kafidx's debugging view speaks WebSocket.
     */
    private static HttpServerOptions serverOptions(String host, int port) {
        return new HttpServerOptions()
                .setHost(host)
                .setPort(port)
                .setHttp2ClearTextEnabled(false)
                .setIdleTimeout(IDLE_TIMEOUT_SECONDS)
                .setCompressionSupported(true)
                .setPerMessageWebSocketCompressionSupported(false)
                .setPerFrameWebSocketCompressionSupported(false)
                .setMaxInitialLineLength(MAX_REQUEST_LINE_BYTES)
                // one frame may carry a whole message: a larger frame is cut off with no close frame and no reason
                .setMaxWebSocketFrameSize(HttpServerOptions.DEFAULT_MAX_WEBSOCKET_MESSAGE_SIZE);
    }

    /** One more server on a port another server of the service already holds. */
    private static final class SharedPortServer extends VerticleBase {
        private final HttpServerOptions options;
        private final Supplier<Router> routers;

        SharedPortServer(HttpServerOptions options, Supplier<Router> routers) {
            this.options = options;
            this.routers = routers;
        }

        @Override
        public Future<?> start() {
            return vertx.createHttpServer(options)
                    .invalidRequestHandler(INVALID_REQUESTS)
                    .requestHandler(routers.get())
                    .listen();
        }
    }

    private static boolean isBindFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BindException || String.valueOf(t.getMessage()).contains("Address already in use")) {
                return true;
            }
        }
        return false;
    }
}
