package io.aftercare.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Addresses a clinic's endpoint may not reach: anything that is not the public internet, so that a webhook cannot be
 * turned against the service's own network (SSRF) or the cloud's metadata service.
 */
final class ForbiddenAddresses {

    private record Block(byte[] prefix, int bits) {
        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final List<Block> BLOCKS = List.of(
            block("0.0.0.0", 8), // this network, unspecified
            block("10.0.0.0", 8), // private
            block("100.64.0.0", 10), // carrier-grade NAT (and Alibaba's metadata, 100.100.100.200)
            block("127.0.0.0", 8), // loopback
            block("169.254.0.0", 16), // link-local (and the metadata service, 169.254.169.254)
            block("172.16.0.0", 12), // private
            block("192.0.0.0", 24), // IETF protocol assignments (and Oracle's metadata, 192.0.0.192)
            block("192.168.0.0", 16), // private
            block("198.18.0.0", 15), // benchmarking
            block("224.0.0.0", 4), // multicast
            block("240.0.0.0", 4), // reserved, and broadcast
            block("::", 128), // unspecified
            block("::1", 128), // loopback
            block("0:0:0:0:ffff:0:0:0", 96), // IPv4-translated (SIIT): a translator maps it to the IPv4 it carries
            block("64:ff9b:1::", 48), // local-use NAT64: the same, to the site's own IPv4 network
            block("fc00::", 7), // unique-local (and AWS's IPv6 metadata, fd00:ec2::254)
            block("fe80::", 10), // link-local
            block("fec0::", 10), // site-local, deprecated
            block("ff00::", 8)); // multicast

    private static final List<String> INTERNAL_NAME_SUFFIXES = List.of(".localhost", ".local", ".internal");

    private ForbiddenAddresses() {}

    static boolean isForbidden(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (BLOCKS.stream().anyMatch(block -> block.contains(bytes))) {
            return true;
        }
        if (!(address instanceof Inet6Address)) {
            return false;
        }
        InetAddress embedded = embeddedIpv4(bytes);
        return embedded != null && isForbidden(embedded);
    }

    /** Host names that only mean something inside a network, whatever they resolve to today. */
    static boolean isInternalName(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        String dotted = "." + name;
        return name.equals("localhost") || INTERNAL_NAME_SUFFIXES.stream().anyMatch(dotted::endsWith);
    }

    // IPv6 forms that carry an IPv4 address the network may route to: mapped (::ffff:a.b.c.d), compatible (::a.b.c.d),
    // NAT64 (64:ff9b::a.b.c.d) and 6to4 (2002:aabb:ccdd::).
    private static InetAddress embeddedIpv4(byte[] v6) {
        byte[] tail = Arrays.copyOfRange(v6, 12, 16);
        boolean zeroTo80 = allZero(v6, 0, 10);
        if (zeroTo80 && ((v6[10] == (byte) 0xff && v6[11] == (byte) 0xff) || (v6[10] == 0 && v6[11] == 0))) {
            return v4(tail);
        }
        if (v6[0] == 0 && v6[1] == 0x64 && v6[2] == (byte) 0xff && v6[3] == (byte) 0x9b && allZero(v6, 4, 12)) {
            return v4(tail);
        }
        if (v6[0] == 0x20 && v6[1] == 0x02) {
            return v4(Arrays.copyOfRange(v6, 2, 6));
        }
        return null;
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress v4(byte[] bytes) {
        try {
            return Inet4Address.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("Four bytes are always an IPv4 address", e);
        }
    }

    private static Block block(String literal, int bits) {
        try {
            // Literals only: getByName parses them without a lookup.
            return new Block(InetAddress.getByName(literal).getAddress(), bits);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(literal + " is not an address literal", e);
        }
    }
}
