package io.pushtech.kafkastore.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "10.0.0.1",
                "172.16.5.4",
                "192.168.1.1",
                "127.0.0.1",
                "169.254.1.1",
                "100.64.0.1",
                "0.0.0.0",
                "255.255.255.255",
                "192.0.2.1",
                "::1",
                "fe80::1",
                "fd12:3456::1",
                "2001:db8::1",
                "ff02::1"
            })
    void privateAndReservedAddressesAreNotPublic(String ip) {
        // When
        boolean isPublic = IpAddresses.isPublic(IpAddresses.parse(ip).orElseThrow());

        // Then
        assertThat(isPublic).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "81.2.69.142", "2001:4860:4860::8888", "2a00:1450:4001:82a::200e"})
    void internetAddressesArePublic(String ip) {
        // When
        boolean isPublic = IpAddresses.isPublic(IpAddresses.parse(ip).orElseThrow());

        // Then
        assertThat(isPublic).isTrue();
    }

    @Test
    void hostNamesAndGarbageAreNotParsedNorResolved() {
        // When / Then
        assertThat(IpAddresses.parse("localhost")).isEmpty();
        assertThat(IpAddresses.parse("example.com")).isEmpty();
        assertThat(IpAddresses.parse("999.1.1.1")).isEmpty();
        assertThat(IpAddresses.parse("12345")).isEmpty();
        assertThat(IpAddresses.parse("1.2.3.4.5")).isEmpty();
        assertThat(IpAddresses.parse("1.2")).isEmpty();
        assertThat(IpAddresses.parse("fe80::1::2")).isEmpty();
        assertThat(IpAddresses.parse("1..2.3")).isEmpty();
        assertThat(IpAddresses.parse("1.2.3.")).isEmpty();
        assertThat(IpAddresses.parse(".1.2.3")).isEmpty();
        assertThat(IpAddresses.parse("0001.2.3.4")).isEmpty();
        assertThat(IpAddresses.parse("1.2.3.256")).isEmpty();
        assertThat(IpAddresses.parse(null)).isEmpty();
    }

    @Test
    void dottedQuadsAreReadByteForByte() {
        assertThat(IpAddresses.parse("81.2.69.142").orElseThrow().getAddress())
                .containsExactly((byte) 81, (byte) 2, (byte) 69, (byte) 142);
        assertThat(IpAddresses.parse("255.0.00.007").orElseThrow().getAddress())
                .containsExactly((byte) 255, (byte) 0, (byte) 0, (byte) 7);
    }
}
