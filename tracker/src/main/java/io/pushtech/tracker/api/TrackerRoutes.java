package io.pushtech.tracker.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.pushtech.tracker.domain.EventIntake;
import io.pushtech.tracker.domain.EventSink;
import io.pushtech.tracker.domain.RateLimiter;
import io.pushtech.tracker.domain.TrustedProxies;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.CorsHandler;
import io.vertx.ext.web.handler.TimeoutHandler;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/** Mounts the ingestion endpoints on a service router: CORS, the per-address rate limit, a request timeout. */
public final class TrackerRoutes {

    private static final long REQUEST_TIMEOUT_MILLIS = 10_000;

    private TrackerRoutes() {}

    /**
     * @param corsOrigins allowed browser origins; {@code *} allows any
     * @param perAddress limit per client address; {@code perDevice} per device id in the events
     */
    public static void mount(
            Router router,
            EventIntake intake,
            EventSink sink,
            List<String> corsOrigins,
            TrustedProxies proxies,
            RateLimiter perAddress,
            RateLimiter perDevice,
            MeterRegistry registry) {
        Arrivals arrivals = new Arrivals(Clock.systemUTC(), proxies);
        Intake store = new Intake(sink, perDevice, registry);
        router.route("/t*").order(-2).handler(cors(corsOrigins));
        router.route("/t*").order(-1).handler(TimeoutHandler.create(REQUEST_TIMEOUT_MILLIS, 408));
        router.route("/t*").handler(ctx -> {
            long wait = perAddress.acquire(arrivals.clientAddress(ctx.request()));
            if (wait > 0) {
                registry.counter("tracker.requests.rate_limited", "by", "address")
                        .increment();
                ctx.fail(Intake.tooManyRequests(ctx, wait));
            } else {
                ctx.next();
            }
        });
        router.get("/t/:type").handler(new PixelHandler(intake, store, arrivals));
        router.post("/t").handler(new SingleEventHandler(intake, store, arrivals));
        router.post("/t/batch").handler(new BatchHandler(intake, store, arrivals));
    }

    private static CorsHandler cors(List<String> origins) {
        CorsHandler cors = CorsHandler.create()
                .allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.OPTIONS))
                .allowedHeaders(Set.of("Content-Type", "Content-Encoding", Arrivals.ANONYMOUS_HEADER))
                .maxAgeSeconds(86_400);
        if (origins.contains("*")) {
            return cors.addOrigin("*");
        }
        return cors.addOrigins(origins);
    }
}
