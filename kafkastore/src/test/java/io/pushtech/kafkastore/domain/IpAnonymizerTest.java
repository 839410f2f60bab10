package io.pushtech.kafkastore.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpAnonymizerTest {

    private final IpAnonymizer defaults = new IpAnonymizer(24, 48);

    @ParameterizedTest
    @CsvSource({
        "203.0.113.195, 203.0.113.0",
        "8.8.8.8, 8.8.8.0",
        "10.1.2.3, 10.1.2.0",
        "2001:db8:85a3:8d3:1319:8a2e:370:7348, 2001:db8:85a3:0:0:0:0:0",
        "2a00:1450:4001:82a::200e, 2a00:1450:4001:0:0:0:0:0",
        "::1, 0:0:0:0:0:0:0:0"
    })
    void zeroesTheHostPartOfKnownVectors(String ip, String expected) {
        // When
        String anonymized = defaults.anonymize(ip).orElseThrow();

        // Then
        assertThat(anonymized).isEqualTo(expected);
    }

    @Test
    void prefixLengthsAreConfigurable() {
        // Given
        IpAnonymizer coarse = new IpAnonymizer(16, 32);

        // When
        String v4 = coarse.anonymize("192.168.77.12").orElseThrow();
        String v6 = coarse.anonymize("2001:db8:85a3::1").orElseThrow();

        // Then
        assertThat(v4).isEqualTo("192.168.0.0");
        assertThat(v6).isEqualTo("2001:db8:0:0:0:0:0:0");
    }

    @Test
    void somethingThatIsNotAnAddressIsDroppedNotKept() {
        // When / Then
        assertThat(defaults.anonymize("not-an-ip.example")).isEmpty();
        assertThat(defaults.anonymize(null)).isEmpty();
        assertThat(defaults.anonymize("")).isEmpty();
    }

    @Test
    void matchesABitMaskReferenceOnRandomAddresses() throws Exception {
        // Given
        Random random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            byte[] bytes = new byte[random.nextBoolean() ? 4 : 16];
            random.nextBytes(bytes);
            InetAddress address = InetAddress.getByAddress(bytes);

            // When
            InetAddress anonymized = InetAddress.getByName(
                    defaults.anonymize(address.getHostAddress()).orElseThrow());

            // Then
            assertThat(anonymized.getAddress()).isEqualTo(reference(bytes, bytes.length == 4 ? 24 : 48));
        }
    }

    /** The prefix kept bit by bit, the slow obvious way. */
    private static byte[] reference(byte[] bytes, int keepBits) {
        byte[] out = new byte[bytes.length];
        for (int bit = 0; bit < keepBits; bit++) {
            int mask = 0x80 >>> (bit % 8);
            out[bit / 8] |= (byte) (bytes[bit / 8] & mask);
        }
        return out;
    }
}
