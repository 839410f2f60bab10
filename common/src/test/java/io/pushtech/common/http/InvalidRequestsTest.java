package io.pushtech.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InvalidRequestsTest {

    private static final int LINE_LIMIT = 1024;
    private static final int HEADER_LIMIT = 2048;
    private static Vertx vertx;
    private static int port;

    @BeforeAll
    static void startServer() throws Exception {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer(new HttpServerOptions()
                        .setMaxInitialLineLength(LINE_LIMIT)
                        .setMaxHeaderSize(HEADER_LIMIT))
                .invalidRequestHandler(new InvalidRequests(LINE_LIMIT, HEADER_LIMIT))
                .requestHandler(request -> request.response().setStatusCode(204).end())
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        port = server.actualPort();
    }

    @AfterAll
    static void stopServer() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void requestLineOverTheLimitIsA414NamingIt() throws Exception {
        // When
        String response = raw("GET /t/view?p=" + "x".repeat(LINE_LIMIT) + " HTTP/1.1\r\nHost: test\r\n\r\n");

        // Then
        assertThat(response)
                .containsPattern("^HTTP/1\\.[01] 414") // a request line not read has no version: HTTP/1.0
                .contains("\"uri_too_long\"")
                .contains("1024 bytes");
    }

    @Test
    void headersOverTheLimitAreA431NamingIt() throws Exception {
        // When
        String response = raw("GET / HTTP/1.1\r\nHost: test\r\nX-Big: " + "x".repeat(HEADER_LIMIT) + "\r\n\r\n");

        // Then
        assertThat(response)
                .startsWith("HTTP/1.1 431")
                .contains("\"headers_too_large\"")
                .contains("2048 bytes");
    }

    @Test
    void malformedRequestIsA400InJson() throws Exception {
        // When
        String response = raw("GET / HTTP/1.1\r\nHost: test\r\nContent-Length: -5\r\n\r\n");

        // Then
        assertThat(response)
                .startsWith("HTTP/1.1 400")
                .contains("application/json")
                .contains("\"bad_request\"");
    }

    @Test
    void validRequestIsServed() throws Exception {
        // When
        String response = raw("GET / HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n");

        // Then
        assertThat(response).startsWith("HTTP/1.1 204");
    }

    /** Writes {@code request} by hand and reads until the server closes the connection. */
    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
