package io.pushtech.common.service;

import io.pushtech.common.http.HttpEndpoint;
import io.pushtech.common.http.PortInUseException;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.net.BindException;

/**
 * Base of every Pushtech service: a verticle with one HTTP server, whose bound port the platform prints.
 * Lifecycle methods run on the verticle's event loop.
 */
public abstract class ServiceVerticle extends VerticleBase {

    private static final int IDLE_TIMEOUT_SECONDS = 60;

    private volatile int port = -1;

    /** The service's name, as in {@code pushtech run <name>}. */
    public abstract String name();

    /** The port the HTTP server is bound to; -1 before it started. */
    public int port() {
        return port;
    }

    protected final Future<HttpServer> listen(Router router, HttpEndpoint endpoint) {
        HttpServerOptions options = new HttpServerOptions()
                .setHost(endpoint.host())
                .setPort(endpoint.port())
                .setIdleTimeout(IDLE_TIMEOUT_SECONDS)
                .setCompressionSupported(true)
                .setDecompressionSupported(true);
        return vertx.createHttpServer(options)
                .requestHandler(router)
                .listen()
                .recover(failure -> Future.failedFuture(
                        isBindFailure(failure)
                                ? new PortInUseException(name(), endpoint.port(), endpoint.portSetting())
                                : failure))
                .onSuccess(server -> port = server.actualPort());
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
