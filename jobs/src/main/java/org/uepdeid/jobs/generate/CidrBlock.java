package org.uepdeid.jobs.generate;

import java.io.Serializable;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IPv4 or IPv6 address block ({@code 14.16.0.0/14}, {@code 240e:3a0::/32}) and the region it is in. */
final class CidrBlock implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String cidr;
    private final String region;
    private final byte[] network;
    private final int prefixLength;

    private CidrBlock(String cidr, String region, byte[] network, int prefixLength) {
        this.cidr = cidr;
        this.region = region;
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /**
     * Parses {@code cidr}.
     *
     * @throws IllegalArgumentException naming the text, when it is not an address/prefix with zero host bits
     */
    static CidrBlock parse(String cidr, String region) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("'" + cidr + "' has no /prefix-length");
        }
        byte[] network = parseAddress(cidr.substring(0, slash));
        int prefixLength;
        try {
            prefixLength = Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + cidr + "' has a prefix length that is not a number");
        }
        int bits = network.length * 8;
        // At least two host bits, so the block has addresses that are neither its network nor its broadcast.
        if (prefixLength < 1 || prefixLength > bits - 2) {
            throw new IllegalArgumentException("'" + cidr + "' needs a prefix length between 1 and " + (bits - 2));
        }
        for (int bit = prefixLength; bit < bits; bit++) {
            if (bitOf(network, bit)) {
                throw new IllegalArgumentException("'" + cidr + "' has host bits set after the prefix");
            }
        }
        if (region.isBlank()) {
            throw new IllegalArgumentException("'" + cidr + "' has an empty region");
        }
        return new CidrBlock(cidr, region, network, prefixLength);
    }

    /** IPv4 dotted quads (parsed here: InetAddress would fall back to a DNS lookup) or IPv6 literals. */
    static byte[] parseAddress(String text) {
        if (text.contains(":")) {
            try {
                // A text containing ':' is only ever taken as an IPv6 literal, never looked up.
                byte[] address = InetAddress.getByName(text).getAddress();
                if (address.length == 16) {
                    return address;
                }
            } catch (UnknownHostException e) {
                // reported below
            }
            throw new IllegalArgumentException("'" + text + "' is not an IPv6 address");
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 address");
        }
        byte[] address = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (!parts[i].matches("[0-9]{1,3}") || Integer.parseInt(parts[i]) > 255) {
                throw new IllegalArgumentException("'" + text + "' is not an IPv4 address");
            }
            address[i] = (byte) Integer.parseInt(parts[i]);
        }
        return address;
    }

    String cidr() {
        return cidr;
    }

    String region() {
        return region;
    }

    boolean isIpv6() {
        return network.length == 16;
    }

    /** A random host address inside the block, never the block's first or last address. */
    String hostAddress(SeededRandom random) {
        byte[] address = new byte[network.length];
        do {
            for (int i = 0; i < address.length; i++) {
                int prefixBitsHere = Math.max(0, Math.min(8, prefixLength - i * 8));
                int prefixMask = (0xFF00 >>> prefixBitsHere) & 0xFF;
                address[i] = (byte) ((network[i] & prefixMask) | (random.nextInt(256) & ~prefixMask));
            }
        } while (isFirstOrLast(address));
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of " + address.length + " bytes is always valid", e);
        }
    }

    boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        for (int bit = 0; bit < prefixLength; bit++) {
            if (bitOf(address, bit) != bitOf(network, bit)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the two blocks share an address. */
    boolean overlaps(CidrBlock other) {
        return other.network.length == network.length
                && (prefixLength <= other.prefixLength ? contains(other.network) : other.contains(network));
    }

    private boolean isFirstOrLast(byte[] address) {
        boolean allZero = true;
        boolean allOne = true;
        for (int bit = prefixLength; bit < address.length * 8; bit++) {
            boolean set = bitOf(address, bit);
            allZero &= !set;
            allOne &= set;
        }
        return allZero || allOne;
    }

    private static boolean bitOf(byte[] address, int bit) {
        return (address[bit / 8] & (0x80 >>> (bit % 8))) != 0;
    }

    @Override
    public String toString() {
        return cidr + " (" + region + ")";
    }
}
