package io.pushtech.common.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a service's router with what every Pushtech service has: request metrics, a body size limit, gzip and
 * deflate bodies, {@code /health}, {@code /ready}, {@code /metrics}, and JSON errors (also for unknown routes).
 * The service adds its own routes to the returned router.
 */
public final class ServiceRouter {

    private static final Pattern CHARSET = Pattern.compile("(?i);\\s*charset\\s*=([^;]*)");

    private ServiceRouter() {}

    public static Router create(
            Vertx vertx,
            String service,
            PrometheusMeterRegistry registry,
            List<ReadinessCheck> checks,
            long maxBodyBytes) {
        Router router = Router.router(vertx);
        HealthHandlers health = new HealthHandlers(vertx, service, checks);
        router.route().handler(new RequestMetrics(registry));
        router.route().handler(bodyUnlessGet(maxBodyBytes));
        router.route().handler(new ContentDecoding(maxBodyBytes));
        router.get("/health").handler(health::health);
        router.get("/ready").handler(health::ready);
        router.get("/metrics").handler(ctx -> ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")
                .end(registry.scrape()));
        router.route().failureHandler(new FailureHandler(maxBodyBytes));
        router.errorHandler(
                404,
                ctx -> ErrorResponses.send(
                        ctx.response(),
                        ApiException.notFound("no route for " + ctx.request().method() + " "
                                + ctx.request().path())));
        router.errorHandler(
                400,
                ctx -> ErrorResponses.send(
                        ctx.response(),
                        QueryStrings.decodes(ctx.request().path())
                                ? new ApiException(400, "bad_request", "the request was rejected with status 400")
                                : QueryStrings.malformedPath()));
        router.errorHandler(
                405,
                ctx -> ErrorResponses.send(
                        ctx.response(),
                        new ApiException(
                                405,
                                "method_not_allowed",
                                "method " + ctx.request().method() + " is not allowed here")));
        return router;
    }

    /**
     * A GET has no body worth reading, and setting up the read cost the tracker's pixel path a few percent; a
     * GET that does send one is read like any other body, so it is held to the same limit. (A route restricted
     * to the other methods would turn every unknown GET path's 404 into a 405.)
     */
    private static Handler<RoutingContext> bodyUnlessGet(long maxBodyBytes) {
        // sized from Content-Length (Vert.x caps it at 64 KiB and at the limit): no copies while a body grows
        BodyHandler body = BodyHandler.create(false).setBodyLimit(maxBodyBytes).setPreallocateBodyBuffer(true);
        return ctx -> {
            if (HttpMethod.GET.equals(ctx.request().method()) && !announcesBody(ctx)) {
                ctx.next();
            } else if (isForm(ctx)) {
                ctx.fail(new ApiException(
                        415,
                        "unsupported_media_type",
                        "the body must be JSON, sent with Content-Type: application/json (not as a form)"));
            } else if (declaresOtherCharsetThanUtf8(ctx)) {
                ctx.fail(new ApiException(
                        415, "unsupported_media_type", "the body must be JSON in UTF-8 (charset=utf-8, or none)"));
            } else {
                body.handle(ctx);
            }
        };
    }

    /**
     * No service takes forms, and the body handler would decode one as a form: a JSON body sent as one (curl's
     * {@code -d} without a type, jQuery's {@code $.post}) failed with a bare 400 once over a kilobyte.
     */
    private static boolean isForm(RoutingContext ctx) {
        String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (type == null) {
            return false;
        }
        String lower = type.toLowerCase(Locale.ROOT);
        return lower.startsWith("application/x-www-form-urlencoded") || lower.startsWith("multipart/form-data");
    }

    /** JSON is UTF-8 (RFC 8259); reading a body in a charset the JVM does not know failed as a 500. */
    private static boolean declaresOtherCharsetThanUtf8(RoutingContext ctx) {
        String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (type == null) {
            return false;
        }
        Matcher charset = CHARSET.matcher(type);
        if (!charset.find()) {
            return false;
        }
        String name = charset.group(1).replace("\"", "").strip();
        return !name.equalsIgnoreCase("utf-8") && !name.equalsIgnoreCase("utf8");
    }

    private static boolean announcesBody(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        return (length != null && !length.equals("0"))
                || ctx.request().headers().contains(HttpHeaders.TRANSFER_ENCODING);
    }
}
