package io.pushtech.tracker.infra;

import io.vertx.core.buffer.Buffer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * Where the tracker's own Redis connections go, read from a {@code redis://} URL: host and port, and the
 * commands a new connection sends first (AUTH, SELECT) when the URL names a user, password or database.
 */
public record RedisAddress(String host, int port, List<List<String>> setup) {

    private static final int DEFAULT_PORT = 6379;

    public static RedisAddress parse(String url) {
        URI uri = URI.create(url);
        List<List<String>> setup = new ArrayList<>();
        String password = JedisURIHelper.getPassword(uri);
        if (password != null) {
            String user = JedisURIHelper.getUser(uri);
            setup.add(user == null ? List.of("AUTH", password) : List.of("AUTH", user, password));
        }
        int database = JedisURIHelper.getDBIndex(uri);
        if (database != 0) {
            setup.add(List.of("SELECT", Integer.toString(database)));
        }
        return new RedisAddress(uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(), List.copyOf(setup));
    }

    /** Whether the URL asks for TLS ({@code rediss://}), which these connections do not speak. */
    public static boolean isTls(String url) {
        return JedisURIHelper.isRedisSSLScheme(URI.create(url));
    }

    Buffer setupCommands() {
        Buffer out = Buffer.buffer();
        for (List<String> command : setup) {
            out.appendString("*" + command.size() + "\r\n");
            command.forEach(arg -> XaddCommands.bulk(out, arg.getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    int setupReplies() {
        return setup.size();
    }
}
