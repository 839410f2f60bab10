package io.pushtech.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PortInUseTest {

    @TempDir
    Path workDir;

    @ParameterizedTest
    @ValueSource(strings = {"kafka", "redis", "mongodb"})
    void configuredPortInUseIsAOneLineErrorBeforeAnythingStarts(String part) throws IOException {
        // Given
        Path dataDir = workDir.resolve("data");
        try (ServerSocket occupant = listeningSocket()) {
            int port = occupant.getLocalPort();
            DevStackOptions options = new DevStackOptions(
                    dataDir,
                    part.equals("kafka") ? port : 0,
                    part.equals("redis") ? port : 0,
                    part.equals("mongodb") ? port : 0);

            // When / Then
            assertThatThrownBy(() -> DevStack.start(options))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage(part + " port " + port + " is already in use");
            assertThat(dataDir).doesNotExist();
        }
    }

    @Test
    void samePortConfiguredForTwoPartsIsRejected() {
        // Given
        int port = FreePorts.pick(Set.of());
        DevStackOptions options = new DevStackOptions(workDir, port, port, 0);

        // When / Then
        assertThatThrownBy(() -> DevStack.start(options))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("redis port " + port + " is configured for another part too");
    }

    @Test
    void portOutOfRangeIsRejected() {
        // When / Then
        assertThatThrownBy(() -> new DevStackOptions(workDir, 70_000, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kafka port 70000 is not between 0 and 65535");
    }

    private static ServerSocket listeningSocket() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(FreePorts.LOOPBACK), 0));
        return socket;
    }
}
