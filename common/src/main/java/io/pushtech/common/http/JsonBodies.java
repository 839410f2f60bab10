package io.pushtech.common.http;

import io.pushtech.common.Utf8;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/**
 * The text of a JSON request body, for endpoints that take nothing else: sent as {@code application/json} (or a
 * {@code +json} type), and strict UTF-8, so that an invalid byte is refused rather than stored as a replacement
 * character. Pure.
 */
public final class JsonBodies {

    private JsonBodies() {}

    /** The body's text, {@code ""} when there is none; a {@code 415} or {@code 400 invalid_utf8} otherwise. */
    public static String text(RoutingContext ctx) {
        String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        Buffer body = ctx.body().buffer();
        if (body == null || body.length() == 0) {
            return "";
        }
        if (type == null || !isJson(type)) {
            throw new ApiException(
                    415, "unsupported_media_type", "the body must be JSON, sent with Content-Type: application/json");
        }
        return Utf8.decodeStrictly(body.getBytes())
                .orElseThrow(() -> ApiException.badRequest("invalid_utf8", "the body is not valid UTF-8", null));
    }

    private static boolean isJson(String contentType) {
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }
}
