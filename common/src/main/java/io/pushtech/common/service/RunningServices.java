package io.pushtech.common.service;

import io.pushtech.common.config.Settings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Services deployed in one Vert.x instance. {@link #close()} undeploys them all (each closes its own
 * clients) and stops Vert.x. Blocking methods: call them from the main thread, not an event loop.
 */
public final class RunningServices implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 60;

    private final Vertx vertx;
    private final List<ServiceVerticle> services;

    private RunningServices(Vertx vertx, List<ServiceVerticle> services) {
        this.vertx = vertx;
        this.services = services;
    }

    /** Deploys {@code definitions} one after the other; on a failure, stops what started and rethrows its cause. */
    public static RunningServices start(List<ServiceDefinition> definitions, Settings settings) throws Exception {
        Vertx vertx = Vertx.vertx();
        List<ServiceVerticle> started = new ArrayList<>();
        try {
            for (ServiceDefinition definition : definitions) {
                ServiceVerticle verticle = definition.create(settings);
                await(vertx.deployVerticle(verticle));
                started.add(verticle);
            }
        } catch (Exception e) {
            await(vertx.close());
            throw e;
        }
        return new RunningServices(vertx, List.copyOf(started));
    }

    public List<ServiceVerticle> services() {
        return services;
    }

    public int port(String service) {
        return services.stream()
                .filter(s -> s.name().equals(service))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not running: " + service))
                .port();
    }

    @Override
    public void close() throws Exception {
        await(vertx.close());
    }

    private static <T> T await(Future<T> future) throws Exception {
        try {
            return future.toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            throw new IllegalStateException("a service did not start or stop within " + TIMEOUT_SECONDS + " s", e);
        }
    }
}
