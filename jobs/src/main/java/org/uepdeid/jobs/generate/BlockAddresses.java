package org.uepdeid.jobs.generate;

import org.uepdeid.jobs.ipregion.CidrBlock;
import org.uepdeid.jobs.ipregion.IpAddress;

/** Random host addresses inside an IP-region block, as devices of that region would have. */
final class BlockAddresses {

    private BlockAddresses() {
    }

    /**
     * A random address inside {@code block}; never its first or last address (the network's own and its broadcast)
     * when it has others.
     */
    static String draw(CidrBlock block, SeededRandom random) {
        int bytes = block.network().familyBits() / 8;
        IpAddress address;
        do {
            // One random byte at a time, most significant first, into the bits the block leaves to hosts.
            long high = 0;
            long low = 0;
            for (int i = 0; i < bytes; i++) {
                long value = random.nextInt(256);
                if (bytes - i > 8) {
                    high |= value << (8 * (bytes - i - 9));
                } else {
                    low |= value << (8 * (bytes - i - 1));
                }
            }
            address = block.address(high, low);
        } while (block.hostBits() >= 2 && (address.equals(block.address(0, 0))
                || address.equals(block.address(-1, -1))));
        return address.text();
    }
}
