package io.pushtech.tracker.domain;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the client's address behind trusted proxies: {@code X-Forwarded-For} is believed only as far as it was
 * written by a trusted proxy, read from the right, so a client cannot forge its address by sending the header
 * itself. Pure and thread-safe.
 */
public final class TrustedProxies {

    private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]+");

    private final List<Network> networks;

    private TrustedProxies(List<Network> networks) {
        this.networks = networks;
    }

    /** @param spec comma-separated addresses or CIDR networks ({@code 10.0.0.0/8, ::1}); blank trusts none */
    public static TrustedProxies parse(String spec) {
        List<Network> networks = Arrays.stream(spec.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(Network::parse)
                .toList();
        return new TrustedProxies(networks);
    }

    /**
     * @param peer the address the connection came from
     * @param forwardedFor the {@code X-Forwarded-For} header, {@code null} when absent
     */
    public String clientAddress(String peer, String forwardedFor) {
        if (forwardedFor == null || !isTrusted(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!LITERAL.matcher(hop).matches()) {
                return peer;
            }
            if (!isTrusted(hop) || i == 0) {
                return hop;
            }
        }
        return peer;
    }

    private boolean isTrusted(String address) {
        byte[] bytes = bytesOf(address);
        return bytes != null && networks.stream().anyMatch(network -> network.contains(bytes));
    }

    private static byte[] bytesOf(String literal) {
        if (literal == null || !LITERAL.matcher(literal).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private record Network(byte[] address, int prefix) {

        static Network parse(String cidr) {
            String[] parts = cidr.split("/", 2);
            byte[] address = bytesOf(parts[0]);
            if (address == null) {
                throw new IllegalArgumentException("not an IP address: " + parts[0]);
            }
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
            if (prefix < 0 || prefix > address.length * 8) {
                throw new IllegalArgumentException("bad prefix length in " + cidr);
            }
            return new Network(address, prefix);
        }

        boolean contains(byte[] candidate) {
            if (candidate.length != address.length) {
                return false;
            }
            int fullBytes = prefix / 8;
            for (int i = 0; i < fullBytes; i++) {
                if (candidate[i] != address[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return rest == 0 || (candidate[fullBytes] & mask) == (address[fullBytes] & mask);
        }
    }
}
