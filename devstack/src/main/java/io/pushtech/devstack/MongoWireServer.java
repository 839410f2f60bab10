package io.pushtech.devstack;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB-wire server inside this JVM (mongo-java-server), bound to 127.0.0.1 and storing its databases in an
 * H2 MVStore file under {@code dataDir/mongodb} (or, when asked, in memory only); clients reach it only through
 * the wire protocol. Written data is committed to the file about every second and on {@link #close()}.
 */
public final class MongoWireServer implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(MongoWireServer.class);
    private static final String PART = "mongodb";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final int PROBE_TIMEOUT_MILLIS = 2_000;

    private final MongoServer server;
    private final int port;
    private boolean closed;

    private MongoWireServer(MongoServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Opens the store in {@code dataDir/mongodb} (or in memory), listens on {@code port} and blocks until a ping is
     * answered.
     */
    static MongoWireServer start(Path dataDir, int port, boolean inMemory) {
        Path storeFile = dataDir.resolve("mongodb").resolve("mongodb.mv");
        MongoServer server = new MongoServer(inMemory ? new MemoryBackend() : new H2Backend(storeIn(storeFile)));
        MongoWireServer started = new MongoWireServer(server, port);
        try {
            server.bind(FreePorts.LOOPBACK, port);
            Readiness.await(PART, Optional.empty(), "the log of this JVM", START_TIMEOUT, started::answersPing);
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
        LOGGER.atInfo()
                .addKeyValue("port", port)
                .addKeyValue("store", inMemory ? "memory" : storeFile)
                .log("mongodb-wire server up");
        return started;
    }

    private static String storeIn(Path storeFile) {
        try {
            Files.createDirectories(storeFile.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return storeFile.toString();
    }

    /** {@code mongodb://127.0.0.1:<port>}. */
    public String uri() {
        return "mongodb://" + FreePorts.LOOPBACK + ":" + port;
    }

    public int port() {
        return port;
    }

    /** Closes client connections and the store, which commits everything written to the file. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdownNow();
    }

    private boolean answersPing() {
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri()))
                .applyToClusterSettings(
                        cluster -> cluster.serverSelectionTimeout(PROBE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(PROBE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS))
                .build();
        try (MongoClient client = MongoClients.create(settings)) {
            Document reply = client.getDatabase("admin").runCommand(new Document("ping", 1));
            return reply.get("ok") instanceof Number ok && ok.doubleValue() == 1.0;
        }
    }
}
