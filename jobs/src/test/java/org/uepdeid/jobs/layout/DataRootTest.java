package org.uepdeid.jobs.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

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
        assertThat(root.consentLedger()).hasToString("hdfs://nn:8020/uep/ledger/consent");
        assertThat(root.erasureLedger()).hasToString("hdfs://nn:8020/uep/ledger/erasure");
        assertThat(root.reports(DAY)).hasToString("hdfs://nn:8020/uep/reports/dt=2026-11-27");
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
