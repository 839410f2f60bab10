package io.pushtech.tracker.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.pushtech.tracker.domain.EventIntake;
import io.pushtech.tracker.domain.EventSink;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.CorsHandler;
import io.vertx.ext.web.handler.TimeoutHandler;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * Mounts the ingestion endpoints on a service router: CORS, the check of a bearer token, the per-address rate limit
 * (when on), a timeout for requests whose body has not arrived.
 */
public final class TrackerRoutes {

    private TrackerRoutes() {}

    public static void mount(
            Router router, EventIntake intake, EventSink sink, Admission admission, MeterRegistry registry) {
        Arrivals arrivals = new Arrivals(Clock.systemUTC(), admission.proxies());
        Intake store = new Intake(sink, admission.perDevice(), registry);
        router.route("/t*").order(-2).handler(cors(admission.corsOrigins()));
        router.route("/t*").handler(new UserTokens(admission.tokens()));
        // a request with a body may arrive slowly; a GET has arrived whole when it is routed
        router.post("/t*").order(-1).handler(TimeoutHandler.create(admission.requestTimeoutMillis(), 408));
        if (admission.perAddress().enabled()) {
            router.route("/t*").handler(ctx -> {
                long wait = admission.perAddress().acquire(arrivals.clientAddress(ctx.request()));
                if (wait > 0) {
                    registry.counter("tracker.requests.rate_limited", "by", "address")
                            .increment();
                    ctx.fail(Intake.tooManyRequests(ctx, wait));
                } else {
                    ctx.next();
                }
            });
        }
        router.get("/t/:type").handler(new PixelHandler(intake, store, arrivals));
        router.post("/t").handler(new SingleEventHandler(intake, store, arrivals));
        router.post("/t/batch").handler(new BatchHandler(intake, store, arrivals));
    }

    private static CorsHandler cors(List<String> origins) {
        CorsHandler cors = CorsHandler.create()
                .allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.OPTIONS))
                .allowedHeaders(Set.of("Content-Type", "Content-Encoding", "Authorization", Arrivals.ANONYMOUS_HEADER))
                .maxAgeSeconds(86_400);
        if (origins.contains("*")) {
            return cors.addOrigin("*");
        }
        return cors.addOrigins(origins);
    }
}
