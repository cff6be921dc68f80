package org.uepdeid.anonymizer.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.uepdeid.anonymizer.hierarchy.HierarchyAssertions.labelsOf;
import static org.uepdeid.anonymizer.hierarchy.HierarchySpec.Dates.Granularity.DAY;
import static org.uepdeid.anonymizer.hierarchy.HierarchySpec.Dates.Granularity.DECADE;
import static org.uepdeid.anonymizer.hierarchy.HierarchySpec.Dates.Granularity.MONTH;
import static org.uepdeid.anonymizer.hierarchy.HierarchySpec.Dates.Granularity.YEAR;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.uepdeid.anonymizer.hierarchy.HierarchySpec.Dates;

class DatesTest {

    @Test
    void datesGoToMonthYearAndDecade() {
        Hierarchy h = new Dates(List.of(MONTH, YEAR, DECADE)).build("bios_date", List.of("2026-11-27", "2009-01-31"));

        assertThat(h.height()).isEqualTo(4);
        assertThat(labelsOf(h, "2026-11-27")).containsExactly("2026-11", "2026", "2020s", "*");
        assertThat(labelsOf(h, "2009-01-31")).containsExactly("2009-01", "2009", "2000s", "*");
    }

    @Test
    void timestampsCountOnTheDateInTheirOwnOffset() {
        Hierarchy h = new Dates(List.of(DAY, MONTH)).build("last_update",
                List.of("2026-11-30T23:30:00-05:00", "2026-12-01T02:00:00Z", "2026-11-27T10:15:30.123", "2026-11-27"));

        // 23:30 at -05:00 is already December in UTC; the date the client wrote is what it means.
        assertThat(labelsOf(h, "2026-11-30T23:30:00-05:00")).containsExactly("2026-11-30", "2026-11", "*");
        assertThat(labelsOf(h, "2026-12-01T02:00:00Z")).containsExactly("2026-12-01", "2026-12", "*");
        assertThat(labelsOf(h, "2026-11-27T10:15:30.123")).containsExactly("2026-11-27", "2026-11", "*");
        assertThat(labelsOf(h, "2026-11-27")).containsExactly("2026-11-27", "2026-11", "*");
    }

    @Test
    void rowsAreInCalendarOrder() {
        Hierarchy h = new Dates(List.of(YEAR)).build("d", List.of("2026-01-02", "1999-12-31", "2026-01-01T23:00Z"));

        assertThat(h.baseValues()).containsExactly("1999-12-31", "2026-01-01T23:00Z", "2026-01-02");
    }

    @Test
    void badDateIsRejectedNamingValueAndAttribute() {
        Dates months = new Dates(List.of(MONTH, YEAR));

        assertThatThrownBy(() -> months.build("bios_date", List.of("2026-02-30", "2026-01-01")))
                .isInstanceOf(HierarchyException.class)
                .hasMessageContainingAll("'bios_date'", "dates[month, year]", "value '2026-02-30' is not an ISO date");
        assertThatThrownBy(() -> months.build("bios_date", List.of("27.11.2026", "2026-11-27 10:00:00")))
                .hasMessageContainingAll("value '2026-11-27 10:00:00'", "(and 1 more values)");
    }

    @Test
    void constructorRejectsEmptyUnorderedOrRepeatedLevels() {
        assertThatThrownBy(() -> new Dates(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("levels must name at least one of day, month, year, decade");
        assertThatThrownBy(() -> new Dates(List.of(YEAR, MONTH)))
                .hasMessageContaining("levels must go from fine to coarse without repeats, got [year, month]");
        assertThatThrownBy(() -> new Dates(List.of(MONTH, MONTH)))
                .hasMessageContaining("got [month, month]");
    }

    @Test
    void levelsAreCopiedSoTheSpecStaysImmutable() {
        List<Dates.Granularity> levels = new ArrayList<>(List.of(MONTH));
        Dates dates = new Dates(levels);

        levels.add(YEAR);

        assertThat(dates.levels()).containsExactly(MONTH);
    }
}
