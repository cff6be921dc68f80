package org.uepdeid.jobs.ipregion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.uepdeid.jobs.config.ConfigException;

/** One table, read by one set of rules, for the generator that draws addresses and for ingest that looks them up. */
class IpRegionTableTest {

    /** Tests run in the jobs/ module folder; the shipped table lives at the repository root. */
    private static final Path SHIPPED = Path.of("..", "jobs-config", "ip-regions.csv").toAbsolutePath().normalize();

    @TempDir
    Path folder;

    private static IpRegionTable testTable() throws IOException {
        try (InputStream in = IpRegionTableTest.class.getResourceAsStream("/ip-regions-test.csv")) {
            return IpRegionTable.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList(),
                    "ip-regions-test.csv");
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "none", textBlock = """
            203.0.113.7,        北京
            198.51.100.7,       上海
            198.51.100.200,     广东
            2001:db8:1234::5,   江苏
            2001:DB8:5::1,      浙江
            ::ffff:203.0.113.9, 北京
            192.0.2.1,          none
            2001:db9::1,        none
            """)
    void findsTheLongestMatchingPrefixInBothFamilies(String ip, String region) throws IOException {
        assertThat(testTable().regionOf(IpAddress.parse(ip))).isEqualTo(region);
    }

    @ParameterizedTest
    @CsvSource({"256.1.1.1", "1.2.3", "01.2.3.4", "1.2.3.4.5", "example.com", "::g", "1.2.3.4:80", "''", ".:"})
    void parsesLiteralsOnly(String text) {
        assertThat(IpAddress.parse(text)).isNull();
    }

    @Test
    void prefixesAreCutInTheirOwnFamily() {
        assertThat(IpAddress.parse("198.51.100.77").networkText(24)).isEqualTo("198.51.100.0/24");
        assertThat(IpAddress.parse("2001:db8:1234:5678::1").networkText(48)).isEqualTo("2001:db8:1234:0:0:0:0:0/48");
    }

    @Test
    void theShippedTableReadsAndCoversChina() {
        IpRegionTable table = IpRegionTable.load(SHIPPED.toUri(), new Configuration());

        List<IpRegionTable.Block> blocks = table.blocks();
        assertThat(blocks.stream().filter(b -> b.cidr().network().ipv4())).hasSizeGreaterThanOrEqualTo(30);
        assertThat(blocks.stream().filter(b -> !b.cidr().network().ipv4())).hasSizeGreaterThanOrEqualTo(3);
        Set<String> regions = blocks.stream().map(IpRegionTable.Block::region).collect(Collectors.toSet());
        assertThat(regions).hasSize(31).contains("Beijing", "Shanghai", "Guangdong", "Xinjiang", "Tibet");
        for (IpRegionTable.Block block : blocks) {
            assertThat(table.regionOf(block.cidr().network())).as(block.cidr().toString()).isEqualTo(block.region());
        }
    }

    @Test
    void anAddressMadeInABlockLiesInItsBlock() throws IOException {
        for (IpRegionTable.Block block : testTable().blocks()) {
            CidrBlock cidr = block.cidr();
            IpAddress address = cidr.address(0x0123456789abcdefL, 0xfedcba9876543210L);
            assertThat(cidr.contains(address)).as(address.text() + " in " + cidr).isTrue();
            assertThat(cidr.contains(IpAddress.parse(address.text()))).isTrue();
        }
        assertThat(CidrBlock.parse("10.0.0.0/8").contains(IpAddress.parse("11.0.0.1"))).isFalse();
        assertThat(CidrBlock.parse("::/1").contains(IpAddress.parse("1.2.3.4"))).as("no family crosses").isFalse();
    }

    @Test
    void errorsNameTheFileTheLineAndTheCidr() {
        assertThatThrownBy(() -> IpRegionTable.parse(List.of("cidr,region", "10.0.0.0/8,北京", "10.0.0.1/33,上海"),
                "t.csv")).isInstanceOf(ConfigException.class)
                .hasMessage("IP-region table t.csv line 3: a prefix length of an IPv4 block is between 1 and 32, "
                        + "got 33");
        assertThatThrownBy(() -> IpRegionTable.parse(List.of("cidr,region", "300.1.0.0/16,Hebei"), "t.csv"))
                .hasMessage("IP-region table t.csv line 2: '300.1.0.0/16' is not an IPv4 or IPv6 CIDR "
                        + "(address/prefix-length)");
        assertThatThrownBy(() -> IpRegionTable.parse(List.of("cidr,region", "10.0.0.1/8,北京"), "t.csv"))
                .hasMessageContaining("line 2").hasMessageContaining("did you mean 10.0.0.0/8?");
        assertThatThrownBy(() -> IpRegionTable.parse(List.of("ip,province"), "t.csv"))
                .hasMessageContaining("line 1: the header must be \"cidr,region\"");
        assertThatThrownBy(() -> IpRegionTable.parse(List.of("cidr,region", "10.0.0.0/8,北京", "10.0.0.0/8,上海"),
                "t.csv")).hasMessageContaining("line 3").hasMessageContaining("listed twice");
        assertThatThrownBy(() -> IpRegionTable.parse(List.of("cidr,region", "# nothing yet"), "t.csv"))
                .hasMessage("IP-region table t.csv has no blocks");
    }

    @Test
    void aMissingFileIsNamed() {
        Path absent = folder.resolve("absent.csv");
        assertThatThrownBy(() -> IpRegionTable.load(absent.toUri(), new Configuration()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("absent.csv").hasMessageContaining("does "
                        + "not exist");
    }

    @Test
    void aByteOrderMarkAndCommentsAreNotData() throws IOException {
        Path file = Files.writeString(folder.resolve("t.csv"), "\uFEFFcidr,region\n# a comment\n\n10.0.0.0/8,Beijing\n");

        assertThat(IpRegionTable.load(file.toUri(), new Configuration()).regionOf(IpAddress.parse("10.1.2.3")))
                .isEqualTo("Beijing");
    }
}
