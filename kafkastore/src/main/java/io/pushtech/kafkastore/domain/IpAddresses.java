package io.pushtech.kafkastore.domain;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses IP address literals (never a DNS look-up) and tells public addresses from private and reserved ones. */
public final class IpAddresses {

    private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]{2,45}");
    private static final Pattern DOTTED_QUAD = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private IpAddresses() {}

    /** The address written in {@code text}, or empty when it is not an IPv4 or IPv6 literal. */
    public static Optional<InetAddress> parse(String text) {
        if (text == null || !LITERAL.matcher(text).matches()) {
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

    /** Dotted-quad IPv4, parsed here: {@link InetAddress#getByName} would resolve anything else through DNS. */
    private static Optional<InetAddress> parseIpv4(String text) {
        Matcher quad = DOTTED_QUAD.matcher(text);
        if (!quad.matches()) {
            return Optional.empty();
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            int value = Integer.parseInt(quad.group(i + 1));
            if (value > 255) {
                return Optional.empty();
            }
            bytes[i] = (byte) value;
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
