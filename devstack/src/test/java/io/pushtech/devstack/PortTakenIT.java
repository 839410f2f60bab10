package io.pushtech.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A port found free and taken by another process before the stack's part binds it. */
class PortTakenIT {

    @TempDir
    Path dataDir;

    @Test
    void stackStartsOnOtherPortsWhenOneWasTakenAfterItWasChosen() throws Exception {
        DevStackOptions options = DevStackOptions.inDirectory(dataDir);
        try (ServerSocket squatter = new ServerSocket()) {
            // Given: the Kafka port chosen is taken by the time the broker starts
            squatter.bind(new InetSocketAddress(InetAddress.getByName(FreePorts.LOOPBACK), 0));
            int taken = squatter.getLocalPort();
            Set<Integer> exclude = Set.of(taken);
            Deque<StackPorts> choices = new ArrayDeque<>();
            choices.add(
                    new StackPorts(taken, FreePorts.pick(exclude), FreePorts.pick(exclude), FreePorts.pick(exclude)));

            // When
            try (DevStack stack =
                    DevStack.start(options, () -> choices.isEmpty() ? StackPorts.choose(options) : choices.poll())) {

                // Then
                assertThat(stack.ports().kafka()).isNotEqualTo(taken);
                assertThat(FreePorts.accepts(stack.ports().kafka())).isTrue();
                assertThat(FreePorts.accepts(stack.ports().redis())).isTrue();
                assertThat(FreePorts.accepts(stack.ports().mongo())).isTrue();
            }
        }
    }
}
