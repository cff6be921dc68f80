package org.uepdeid.jobs.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CpuFamilyTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "null", delimiter = '|', textBlock = """
            Intel(R) Core(TM) i5-10210U CPU @ 1.60GHz  | Core i5
            Intel(R) Core(TM) i7-8550U CPU @ 1.80GHz   | Core i7
            Intel(R) Core(TM) Ultra 7 155H             | Core Ultra 7
            Intel(R) Xeon(R) Gold 6230 CPU @ 2.10GHz   | Xeon
            Intel(R) Celeron(R) N4020                  | Celeron
            AMD Ryzen 5 5600X 6-Core Processor         | Ryzen 5
            AMD Ryzen Threadripper 3970X               | Ryzen Threadripper
            AMD EPYC 7742 64-Core Processor            | EPYC
            Hygon C86 3250 8-core Processor            | Hygon C86
            ZHAOXIN KaiXian KX-U6780A@2.7GHz           | KX-6000
            Phytium FT-2000/4                          | FT-2000
            Phytium D2000/8                            | D2000
            Loongson-3A5000-HV                         | Loongson 3A
            HUAWEI Kunpeng 920                         | Kunpeng 920
            Some Unknown CPU                           | null
            null                                       | null
            """)
    void derivesTheFamilyFromTheModel(String model, String family) {
        assertThat(CpuFamily.of(model)).isEqualTo(family);
    }

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource(nullValues = "null", delimiter = '|', textBlock = """
            GenuineIntel | Intel(R) Core(TM) i5                | Intel
            AuthenticAMD | AMD Ryzen 5                         | AMD
            HygonGenuine | Hygon C86 3250                      | Hygon
            CentaurHauls | ZHAOXIN KaiXian KX-U6780A           | Zhaoxin
            Phytium      | Phytium FT-2000/4                   | Phytium
            null         | Loongson-3A5000-HV                  | Loongson
            null         | HUAWEI Kunpeng 920                  | HiSilicon
            null         | null                                | null
            """)
    void namesTheVendorAsPeopleDo(String reported, String model, String vendor) {
        assertThat(CpuFamily.vendor(reported, model)).isEqualTo(vendor);
    }
}
