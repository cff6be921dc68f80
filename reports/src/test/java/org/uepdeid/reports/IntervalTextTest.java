package org.uepdeid.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The anonymizer's interval labels as a reader writes them, for the columns whose unit is known; others as they are. */
class IntervalTextTest {

    @ParameterizedTest(name = "{0} {1} reads {2}")
    @CsvSource(delimiter = '|', textBlock = """
            memory_mb      | [1024, 2048)       | 1–2 GiB
            memory_mb      | [1536, 2048)       | 1.5–2 GiB
            memory_mb      | [512, 1024)        | 512 MiB–1 GiB
            memory_mb      | [1000, 2000)       | 1,000–2,000 MiB
            memory_mb      | [1024, 1048576)    | 1 GiB–1 TiB
            memory_mb      | [0, 1024)          | 0–1 GiB
            memory_mb      | <1024              | < 1 GiB
            memory_mb      | >=1048576          | ≥ 1 TiB
            disk_total_gb  | [16, 256)          | 16–256 GiB
            disk_total_gb  | [256, 65536)       | 256 GiB–64 TiB
            disk_total_gb  | >=65536            | ≥ 64 TiB
            cache_kb       | [512, 4096)        | 512 KiB–4 MiB
            release_year   | [2020, 2022)       | 2020–2021
            year           | [2020, 2021)       | 2020
            bios_year      | <2000              | before 2000
            bios_year      | >=2030             | 2030 or later
            """)
    void readsAsPeopleWriteIt(String column, String label, String shown) {
        assertThat(IntervalText.readable(column, label)).isEqualTo(shown);
    }

    @ParameterizedTest(name = "{0} {1} stays")
    @CsvSource(delimiter = '|', textBlock = """
            memory_mb      | *
            memory_mb      | 4096
            memory_mb      | [2048, 1024)
            memory_mb      | [-1, 1024)
            os_version     | 20.1070.*
            cpu_cores      | [1, 5)
            app_id         | <1024
            release_year   | [2020.5, 2022)
            devices        | 1,204
            """)
    void leavesEverythingElseAlone(String column, String label) {
        assertThat(IntervalText.readable(column, label)).isEqualTo(label);
    }
}
