package io.pushtech.tracker.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private final TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8, 192.168.1.1, fd00::/8");

    @Test
    void withoutTrustedPeerTheForwardedHeaderIsIgnored() {
        // When
        String client = proxies.clientAddress("203.0.113.9", "198.51.100.1");

        // Then
        assertThat(client).isEqualTo("203.0.113.9");
    }

    @Test
    void trustedPeerYieldsTheRightmostUntrustedHop() {
        // When
        String client = proxies.clientAddress("10.1.2.3", "6.6.6.6, 198.51.100.1, 192.168.1.1");

        // Then
        assertThat(client).isEqualTo("198.51.100.1");
    }

    @Test
    void trustedIpv6NetworkIsMatched() {
        // When
        String client = proxies.clientAddress("fd12::1", "2001:db8::7");

        // Then
        assertThat(client).isEqualTo("2001:db8::7");
    }

    @Test
    void garbageInTheHeaderFallsBackToThePeer() {
        // When
        String client = proxies.clientAddress("10.1.2.3", "evil.example, <script>");

        // Then
        assertThat(client).isEqualTo("10.1.2.3");
    }

    @Test
    void noTrustedProxiesByDefault() {
        // When
        String client = TrustedProxies.parse("").clientAddress("10.1.2.3", "198.51.100.1");

        // Then
        assertThat(client).isEqualTo("10.1.2.3");
    }

    @Test
    void badNetworkIsAConfigurationError() {
        // When / Then
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
    }
}
