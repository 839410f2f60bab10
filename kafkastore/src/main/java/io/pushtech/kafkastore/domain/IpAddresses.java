package io.pushtech.kafkastore.domain;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** Parses IP address literals (never a DNS look-up) and tells public addresses from private and reserved ones. */
public final class IpAddresses {

    private static final int MAX_LITERAL_LENGTH = 45;

    private IpAddresses() {}

    /** The address written in {@code text}, or empty when it is not an IPv4 or IPv6 literal. */
    public static Optional<InetAddress> parse(String text) {
        if (text == null || !isLiteral(text)) {
            return Optional.empty();
        }
        if (text.indexOf(':') < 0) {
            return parseIpv4(text);
        }
        try {
            // Java parses a name with a colon as an IPv6 literal and never resolves it.
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code text} uses only the characters of IPv4 and IPv6 literals (parsed on every event: no regex). */
    private static boolean isLiteral(String text) {
        if (text.length() < 2 || text.length() > MAX_LITERAL_LENGTH) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed =
                    (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /**
     * Dotted-quad IPv4 (four decimal numbers of one to three digits, each at most 255), parsed here:
     * {@link InetAddress#getByName} would resolve anything else through DNS.
     */
    private static Optional<InetAddress> parseIpv4(String text) {
        byte[] bytes = new byte[4];
        int part = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '.';
            if (c >= '0' && c <= '9' && digits < 3) {
                value = value * 10 + (c - '0');
                digits++;
            } else if (c == '.' && digits > 0 && value <= 255 && part < 4) {
                bytes[part++] = (byte) value;
                value = 0;
                digits = 0;
            } else {
                return Optional.empty();
            }
        }
        if (part != 4) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code address} is routable on the internet (not private, loopback, link-local, CGNAT, ...). */
    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            int first = bytes[0] & 0xff;
            // fc00::/7 unique local; 2001:db8::/32 documentation
            return (first & 0xfe) != 0xfc
                    && !(first == 0x20 && bytes[1] == 0x01 && (bytes[2] & 0xff) == 0x0d && (bytes[3] & 0xff) == 0xb8);
        }
        int a = bytes[0] & 0xff;
        int b = bytes[1] & 0xff;
        boolean carrierGradeNat = a == 100 && (b & 0xc0) == 64;
        boolean reserved = a == 0 || a >= 240;
        boolean documentation = (a == 192 && b == 0 && (bytes[2] & 0xff) == 2)
                || (a == 198 && b == 51 && (bytes[2] & 0xff) == 100)
                || (a == 203 && b == 0 && (bytes[2] & 0xff) == 113)
                || (a == 198 && (b == 18 || b == 19));
        return !carrierGradeNat && !reserved && !documentation;
    }
}
