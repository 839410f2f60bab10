package io.pushtech.common.http;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.impl.RoutingContextInternal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Inflates a body sent with {@code Content-Encoding: gzip} or {@code deflate}, once it is read, and holds the
 * inflated body to the size limit. Done here rather than by the HTTP server, whose decoder closed the connection
 * without an answer on a body that was not what its encoding said; here that is a {@code 400}, an encoding
 * nobody here speaks a {@code 415}, and a body that inflates past the limit (a gzip bomb) a {@code 413} as soon
 * as it gets there. Runs on the event loop.
 */
final class ContentDecoding implements Handler<RoutingContext> {

    private final long maxBodyBytes;

    ContentDecoding(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String encoding = ctx.request().getHeader(HttpHeaders.CONTENT_ENCODING);
        Buffer body = ctx.body().buffer();
        if (encoding == null || body == null || encoding.strip().equalsIgnoreCase("identity")) {
            ctx.next();
            return;
        }
        byte[] inflated;
        try (InputStream in = inflater(encoding.strip().toLowerCase(Locale.ROOT), body.getBytes())) {
            inflated = readAtMostLimit(in);
        } catch (IOException e) {
            ctx.fail(ApiException.badRequest(
                    "malformed_body", "the body is not valid " + encoding.strip() + " (Content-Encoding)", null));
            return;
        } catch (ApiException e) {
            ctx.fail(e);
            return;
        }
        ((RoutingContextInternal) ctx).setBody(Buffer.buffer(inflated));
        ctx.next();
    }

    private static InputStream inflater(String encoding, byte[] body) throws IOException {
        return switch (encoding) {
            case "gzip", "x-gzip" -> new GZIPInputStream(new ByteArrayInputStream(body));
            case "deflate" -> new InflaterInputStream(new ByteArrayInputStream(body));
            default ->
                throw new ApiException(
                        415,
                        "unsupported_encoding",
                        "Content-Encoding " + encoding + " is not supported: send gzip, deflate or identity");
        };
    }

    private byte[] readAtMostLimit(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[16 * 1024];
        for (int read; (read = in.read(chunk)) > 0; ) {
            out.write(chunk, 0, read);
            if (out.size() > maxBodyBytes) {
                throw new ApiException(
                        413,
                        "payload_too_large",
                        "request body is larger than the limit of " + maxBodyBytes + " bytes once inflated");
            }
        }
        return out.toByteArray();
    }
}
