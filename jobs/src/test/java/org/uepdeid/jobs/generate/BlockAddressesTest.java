package org.uepdeid.jobs.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.uepdeid.jobs.ipregion.CidrBlock;
import org.uepdeid.jobs.ipregion.IpAddress;
import org.uepdeid.jobs.ipregion.IpRegionTable;

/** Drawn addresses are ones ingest places in the region they were drawn for. */
class BlockAddressesTest {

    @Test
    void drawnAddressesLieInsideTheirBlockAndIngestFindsTheirRegion() {
        IpRegionTable table = IpRegionTable.load(GenerateFixtures.IP_REGIONS.toUri(), new Configuration());
        SeededRandom random = SeededRandom.of(1, RandomPurpose.IP_ADDRESS, 0);
        for (IpRegionTable.Block block : table.blocks()) {
            for (int i = 0; i < 20; i++) {
                IpAddress address = IpAddress.parse(BlockAddresses.draw(block.cidr(), random));
                assertThat(block.cidr().contains(address)).as(address.text() + " in " + block.cidr()).isTrue();
                assertThat(table.regionOf(address)).isEqualTo(block.region());
            }
        }
    }

    @Test
    void neitherTheNetworkNorTheBroadcastAddressIsDrawnWhereThereAreOthers() {
        CidrBlock four = CidrBlock.parse("10.0.0.0/30");
        SeededRandom random = SeededRandom.of(2, RandomPurpose.IP_ADDRESS, 0);
        for (int i = 0; i < 50; i++) {
            assertThat(BlockAddresses.draw(four, random)).isIn(List.of("10.0.0.1", "10.0.0.2"));
        }
        assertThat(BlockAddresses.draw(CidrBlock.parse("10.0.0.7/32"), random)).isEqualTo("10.0.0.7");
    }
}
