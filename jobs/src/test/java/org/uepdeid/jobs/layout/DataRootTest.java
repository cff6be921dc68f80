package org.uepdeid.jobs.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DataRootTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    private final DataRoot root = new DataRoot(URI.create("hdfs://nn:8020/uep"));

    @Test
    void placesEveryZoneUnderTheRoot() {
        assertThat(root.landing(DAY)).hasToString("hdfs://nn:8020/uep/landing/dt=2026-11-27");
        assertThat(root.stagingEvents(DAY)).hasToString("hdfs://nn:8020/uep/staging/events/dt=2026-11-27");
        assertThat(root.stagingProfiles(DAY)).hasToString("hdfs://nn:8020/uep/staging/profiles/dt=2026-11-27");
        assertThat(root.quarantine(DAY)).hasToString("hdfs://nn:8020/uep/quarantine/dt=2026-11-27");
        assertThat(root.publishedDeviceProfiles(DAY))
                .hasToString("hdfs://nn:8020/uep/published/microdata/device_profiles/dt=2026-11-27");
        assertThat(root.publishedStats("app_usage", DAY))
                .hasToString("hdfs://nn:8020/uep/published/stats/app_usage/dt=2026-11-27");
        assertThat(root.ledger("consent")).hasToString("hdfs://nn:8020/uep/ledger/consent");
        assertThat(root.erasureLedger()).hasToString("hdfs://nn:8020/uep/ledger/erasure");
        assertThat(root.reports(DAY)).hasToString("hdfs://nn:8020/uep/reports/dt=2026-11-27");
    }

    @Test
    void eachDailyZoneHasARootHoldingItsPartitions() {
        for (DailyZone zone : DailyZone.values()) {
            assertThat(root.zone(zone)).hasToString("hdfs://nn:8020/uep/" + zone.folder());
        }
        assertThat(root.zone(DailyZone.STAGING_EVENTS)).isEqualTo(root.stagingEvents(DAY).getParent());
        assertThat(root.zone(DailyZone.ANONYMIZE_QUARANTINE)).isEqualTo(root.anonymizeQuarantine(DAY).getParent());
        assertThat(root.publishedStatsZone("app_usage")).isEqualTo(root.publishedStats("app_usage", DAY).getParent())
                .hasToString("hdfs://nn:8020/uep/published/stats/app_usage");
        assertThat(DailyZone.nestedIn("quarantine")).containsExactly("anonymize");
        assertThat(DailyZone.nestedIn("staging/events")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            dt=2026-11-27      | 2026-11-27
            dt=2026-11-7       | none
            dt=2026-02-30      | none
            dt=2026-11-27x     | none
            _tmp-dt=2026-11-27 | none
            2026-11-27         | none
            """)
    void onlyAFolderNamedExactlyAfterARealDayIsAPartition(String name, LocalDate expected) {
        assertThat(DayPartition.dateOf(name)).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void aProductNameCannotLeaveItsZone() {
        assertThatThrownBy(() -> root.publishedStats("../../landing", DAY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"../../landing\"");
    }

    @Test
    void aRelativeRootIsRefused() {
        assertThatThrownBy(() -> new DataRoot(URI.create("demo-data")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("demo-data");
    }
}
