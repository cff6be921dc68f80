package org.uepdeid.jobs.ipregion;

import java.io.Serializable;

/**
 * An IPv4 or IPv6 address block ({@code 14.16.0.0/14}, {@code 240e:3a0::/32}): its network and prefix length, the
 * length counted in the network's own family.
 */
public record CidrBlock(IpAddress network, int prefixLength) implements Serializable {

    public CidrBlock {
        if (prefixLength < 1 || prefixLength > network.familyBits()) {
            throw new IllegalArgumentException("a prefix length of an IPv" + (network.ipv4() ? "4" : "6")
                    + " block is between 1 and " + network.familyBits() + ", got " + prefixLength);
        }
        if (!network.masked(bits(network, prefixLength)).equals(network)) {
            throw new IllegalArgumentException("'" + network.text() + "/" + prefixLength + "' has host bits set after "
                    + "the prefix; did you mean " + network.networkText(prefixLength) + "?");
        }
    }

    /**
     * Parses {@code address/prefix-length}.
     *
     * @throws IllegalArgumentException naming the text, when it is not an address literal and a prefix length with
     *     no host bits set
     */
    public static CidrBlock parse(String text) {
        int slash = text.indexOf('/');
        IpAddress network = slash < 0 ? null : IpAddress.parse(text.substring(0, slash));
        String length = slash < 0 ? "" : text.substring(slash + 1);
        if (network == null || !length.matches("[0-9]{1,3}")) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 or IPv6 CIDR (address/prefix-length)");
        }
        return new CidrBlock(network, Integer.parseInt(length));
    }

    /** Whether the address lies in the block (an IPv4 address never lies in an IPv6 block, or the reverse). */
    public boolean contains(IpAddress address) {
        return address.ipv4() == network.ipv4() && address.masked(bits()).equals(network);
    }

    /** How many host bits the block has: 32 or 128 minus the prefix length. */
    public int hostBits() {
        return network.familyBits() - prefixLength;
    }

    /** The address whose host bits are the low {@link #hostBits()} bits of {@code high} and {@code low}. */
    public IpAddress address(long high, long low) {
        return network.withHostBits(bits(), high, low);
    }

    /** The prefix length in the 128 bits addresses are held in. */
    int bits() {
        return bits(network, prefixLength);
    }

    private static int bits(IpAddress network, int prefixLength) {
        return IpAddress.BITS - network.familyBits() + prefixLength;
    }

    @Override
    public String toString() {
        return network.text() + "/" + prefixLength;
    }
}
