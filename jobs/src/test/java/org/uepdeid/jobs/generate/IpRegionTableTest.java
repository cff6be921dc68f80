package org.uepdeid.jobs.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uepdeid.anonymizer.input.UserInputException;

/** The shipped table is valid for ingest too, and unusable tables are refused with file and line. */
class IpRegionTableTest {

    @TempDir
    Path folder;

    @Test
    void shippedTableHasTheExactHeaderAndCoversChina() throws IOException {
        assertThat(Files.readAllLines(GenerateFixtures.IP_REGIONS).get(0)).isEqualTo("cidr,region");
        IpRegionTable table = IpRegionTable.read(GenerateFixtures.IP_REGIONS);
        List<CidrBlock> blocks = table.blocks();
        assertThat(blocks.stream().filter(block -> !block.isIpv6())).hasSizeGreaterThanOrEqualTo(30);
        assertThat(blocks.stream().filter(CidrBlock::isIpv6)).hasSizeGreaterThanOrEqualTo(3);
        Set<String> regions = blocks.stream().map(CidrBlock::region).collect(Collectors.toSet());
        assertThat(regions).hasSize(31).contains("Beijing", "Shanghai", "Guangdong", "Xinjiang", "Tibet");
    }

    @Test
    void drawnAddressesLieInsideTheirBlock() {
        IpRegionTable table = IpRegionTable.read(GenerateFixtures.IP_REGIONS);
        SeededRandom random = SeededRandom.of(1, RandomPurpose.IP_ADDRESS, 0);
        for (CidrBlock block : table.blocks()) {
            for (int i = 0; i < 20; i++) {
                String address = block.hostAddress(random);
                assertThat(block.contains(CidrBlock.parseAddress(address))).as(address + " in " + block).isTrue();
            }
        }
    }

    @Test
    void refusesAWrongHeader() throws IOException {
        Path file = Files.writeString(folder.resolve("t.csv"), "prefix,province\n1.0.0.0/8,Beijing\n");
        assertThatThrownBy(() -> IpRegionTable.read(file))
                .hasMessageContaining("line 1").hasMessageContaining("cidr,region");
    }

    @Test
    void namesTheLineAndValueOfABadBlock() throws IOException {
        Path file = Files.writeString(folder.resolve("t.csv"), "cidr,region\n1.0.0.0/8,Beijing\n300.1.0.0/16,Hebei\n");
        assertThatThrownBy(() -> IpRegionTable.read(file))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("line 3").hasMessageContaining("300.1.0.0");
    }

    @Test
    void refusesHostBitsAndOverlaps() throws IOException {
        Path hostBits = Files.writeString(folder.resolve("h.csv"), "cidr,region\n10.1.2.0/16,Beijing\n");
        assertThatThrownBy(() -> IpRegionTable.read(hostBits)).hasMessageContaining("host bits");
        Path overlap = Files.writeString(folder.resolve("o.csv"),
                "cidr,region\n10.0.0.0/8,Beijing\n10.2.0.0/16,Hebei\n");
        assertThatThrownBy(() -> IpRegionTable.read(overlap))
                .hasMessageContaining("line 3").hasMessageContaining("overlaps");
    }

    @Test
    void refusesAMissingFileByName() {
        assertThatThrownBy(() -> IpRegionTable.read(folder.resolve("absent.csv")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("absent.csv");
    }
}
