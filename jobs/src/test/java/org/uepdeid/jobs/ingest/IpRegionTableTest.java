package org.uepdeid.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.uepdeid.jobs.config.ConfigException;

class IpRegionTableTest {

    private final IpRegionTable table = TelemetryLineParserTest.regions();

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
    void findsTheLongestMatchingPrefixInBothFamilies(String ip, String region) {
        assertThat(table.regionOf(IpAddress.parse(ip))).isEqualTo(region);
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
    void errorsNameTheFileTheLineAndTheCidr() {
        assertThatThrownBy(() -> IpRegionTable.parse(List.of("cidr,region", "10.0.0.0/8,北京", "10.0.0.1/33,上海"),
                "t.csv")).isInstanceOf(ConfigException.class)
                .hasMessage("ip_regions: t.csv line 3: \"10.0.0.1/33\" is not an IPv4 or IPv6 CIDR");
        assertThatThrownBy(() -> IpRegionTable.parse(List.of("cidr,region", "10.0.0.1/8,北京"), "t.csv"))
                .hasMessageContaining("line 2").hasMessageContaining("did you mean 10.0.0.0/8?");
        assertThatThrownBy(() -> IpRegionTable.parse(List.of("ip,province"), "t.csv"))
                .hasMessageContaining("must start with the header \"cidr,region\"");
        assertThatThrownBy(() -> IpRegionTable.parse(List.of("cidr,region", "10.0.0.0/8,北京", "10.0.0.0/8,上海"),
                "t.csv")).hasMessageContaining("line 3").hasMessageContaining("listed twice");
    }
}
