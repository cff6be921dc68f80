package org.uepdeid.jobs.ipregion;

import java.io.Serializable;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address as 128 bits; IPv4 addresses are held IPv4-mapped ({@code ::ffff:a.b.c.d}) so that one
 * longest-prefix table serves both families.
 *
 * <p>Parsing accepts literals only and never resolves a name: a host name in the {@code ip} field must not trigger a
 * DNS query from the cluster (it would leak the value and stall the job).
 */
public record IpAddress(long high, long low, boolean ipv4) implements Serializable {

    static final int BITS = 128;
    /** How many of the 128 bits precede an IPv4-mapped address's own 32. */
    static final int IPV4_MAPPED_OFFSET = 96;
    private static final long IPV4_MAPPED_MARKER = 0xFFFFL << 32;
    private static final Pattern IPV4 = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
    /**
     * Hex digits, colons and dots only, starting with a hex digit or a colon: for such text
     * {@link InetAddress#getByName} parses a literal and never does a lookup.
     */
    private static final Pattern IPV6_CANDIDATE = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");

    /** Parses an address literal, or returns {@code null} when {@code text} is not one. */
    public static IpAddress parse(String text) {
        if (IPV4.matcher(text).matches()) {
            return parseIpv4(text);
        }
        if (text.indexOf(':') < 0 || !IPV6_CANDIDATE.matcher(text).matches()) {
            return null;
        }
        try {
            InetAddress address = InetAddress.getByName(text);
            return address instanceof Inet4Address ? ofIpv4(address.getAddress()) : of(address.getAddress());
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static IpAddress parseIpv4(String text) {
        String[] parts = text.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            int octet = Integer.parseInt(parts[i]);
            if (octet > 255) {
                return null;
            }
            bytes[i] = (byte) octet;
        }
        return ofIpv4(bytes);
    }

    private static IpAddress ofIpv4(byte[] bytes) {
        long bits = ByteBuffer.wrap(bytes).getInt() & 0xFFFFFFFFL;
        return new IpAddress(0, IPV4_MAPPED_MARKER | bits, true);
    }

    private static IpAddress of(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new IpAddress(buffer.getLong(), buffer.getLong(), false);
    }

    /** How many bits the address's own family has: 32 or 128. */
    public int familyBits() {
        return ipv4 ? BITS - IPV4_MAPPED_OFFSET : BITS;
    }

    /** The address with all but the first {@code bits} (of 128) set to zero. */
    IpAddress masked(int bits) {
        if (bits <= 0) {
            return new IpAddress(0, 0, ipv4);
        }
        if (bits <= 64) {
            return new IpAddress(high & (-1L << (64 - bits)), 0, ipv4);
        }
        return bits >= BITS ? this : new IpAddress(high, low & (-1L << (BITS - bits)), ipv4);
    }

    /** This address with the bits after the first {@code bits} (of 128) taken from {@code high} and {@code low}. */
    IpAddress withHostBits(int bits, long high, long low) {
        IpAddress network = masked(bits);
        IpAddress host = new IpAddress(high, low, ipv4);
        IpAddress hostMask = new IpAddress(~0L, ~0L, ipv4).masked(bits);
        return new IpAddress(network.high | (host.high & ~hostMask.high), network.low | (host.low & ~hostMask.low),
                ipv4);
    }

    /** The network of this address as CIDR text; the prefix length is counted in the address's own family. */
    public String networkText(int prefixLength) {
        return masked(BITS - familyBits() + prefixLength).text() + "/" + prefixLength;
    }

    /** The address as text: dotted quads for IPv4, the usual IPv6 form otherwise. */
    public String text() {
        byte[] bytes = ipv4
                ? ByteBuffer.allocate(4).putInt((int) low).array()
                : ByteBuffer.allocate(16).putLong(high).putLong(low).array();
        try {
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e);
        }
    }
}
