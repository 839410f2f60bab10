package io.pushtech.kafkastore.domain;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Enrichment step: keeps only the network prefix of an address (by default 24 bits of IPv4, dropping the last
 * octet, and 48 bits of IPv6, dropping the last 80), so the raw address never reaches Kafka. Thread-safe.
 */
public final class IpAnonymizer {

    private final int ipv4PrefixBits;
    private final int ipv6PrefixBits;

    public IpAnonymizer(int ipv4PrefixBits, int ipv6PrefixBits) {
        if (ipv4PrefixBits < 0 || ipv4PrefixBits > 32 || ipv6PrefixBits < 0 || ipv6PrefixBits > 128) {
            throw new IllegalArgumentException("prefix bits out of range");
        }
        this.ipv4PrefixBits = ipv4PrefixBits;
        this.ipv6PrefixBits = ipv6PrefixBits;
    }

    /** The anonymized address; empty when {@code ip} is not an address literal (it is then dropped, not kept). */
    public Optional<String> anonymize(String ip) {
        return IpAddresses.parse(ip).map(this::mask);
    }

    private String mask(InetAddress address) {
        byte[] bytes = address.getAddress();
        int keep = bytes.length == 4 ? ipv4PrefixBits : ipv6PrefixBits;
        for (int i = 0; i < bytes.length; i++) {
            int bitsHere = Math.max(0, Math.min(8, keep - i * 8));
            bytes[i] &= (byte) (0xff << (8 - bitsHere));
        }
        try {
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a masked address has the length of the original", e);
        }
    }
}
