package org.uepdeid.anonymizer.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.uepdeid.anonymizer.hierarchy.HierarchyAssertions.assertWellFormed;
import static org.uepdeid.anonymizer.hierarchy.HierarchyAssertions.labelsOf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.uepdeid.anonymizer.hierarchy.HierarchySpec.Dates;
import org.uepdeid.anonymizer.hierarchy.HierarchySpec.Dates.Granularity;
import org.uepdeid.anonymizer.hierarchy.HierarchySpec.Intervals;
import org.uepdeid.anonymizer.hierarchy.HierarchySpec.Masking;
import org.uepdeid.anonymizer.hierarchy.HierarchySpec.OrderedGroups;
import org.uepdeid.anonymizer.hierarchy.HierarchySpec.OrderedGroups.Group;

/** Every builder, on arbitrary specs and domains, gives a functional hierarchy whose height the spec alone fixes. */
class HierarchyPropertiesTest {

    @Property(tries = 300)
    void intervalsPutEveryValueInItsRanges(@ForAll("intervalSpecs") Intervals spec,
            @ForAll @Size(min = 1, max = 40) List<@From("numbers") String> domain) {
        Hierarchy h = spec.build("x", domain);

        assertBuilt(spec, h, domain);
        for (String value : domain) {
            BigDecimal number = new BigDecimal(value);
            for (String label : labelsOf(h, value).subList(0, h.height() - 1)) {
                if (label.startsWith("[")) {
                    String[] bounds = label.substring(1, label.length() - 1).split(", ");
                    assertThat(number).isBetween(new BigDecimal(bounds[0]), new BigDecimal(bounds[1]))
                            .isNotEqualByComparingTo(new BigDecimal(bounds[1]));
                } else {
                    assertThat(label).isIn("<" + IntervalLabels.plain(spec.min()),
                            ">=" + IntervalLabels.plain(spec.max()));
                }
            }
        }
    }

    @Property(tries = 300)
    void datesLabelEveryValueWithItsOwnCalendarFields(@ForAll("dateLevels") List<Granularity> levels,
            @ForAll @Size(min = 1, max = 40) List<@From("datesAndTimestamps") String> domain) {
        Dates spec = new Dates(levels);

        Hierarchy h = spec.build("x", domain);

        assertBuilt(spec, h, domain);
        assertThat(h.height()).isEqualTo(levels.size() + 1);
        for (String value : domain) {
            List<String> labels = labelsOf(h, value);
            for (int i = 0; i < levels.size(); i++) {
                String expected = switch (levels.get(i)) {
                    case DAY -> value.substring(0, 10);
                    case MONTH -> value.substring(0, 7);
                    case YEAR -> value.substring(0, 4);
                    case DECADE -> value.substring(0, 3) + "0s";
                };
                assertThat(labels.get(i)).isEqualTo(expected);
            }
        }
    }

    @Property(tries = 300)
    void maskingKeepsAPrefixOfEveryValue(@ForAll("separators") char separator, @ForAll @IntRange(min = 1, max = 4)
            int levels, @ForAll("masks") String mask,
            @ForAll @Size(min = 1, max = 40) List<@From("dotted") String> domain) {
        Masking spec = new Masking(separator, levels, mask);

        Hierarchy h = spec.build("x", domain);

        assertBuilt(spec, h, domain);
        assertThat(h.height()).isEqualTo(levels + 1);
        String suffix = mask.isEmpty() ? "" : separator + mask;
        for (String value : domain) {
            for (String label : labelsOf(h, value).subList(0, levels)) {
                assertThat(label).endsWith(suffix);
                assertThat(value).startsWith(label.substring(0, label.length() - suffix.length()));
            }
        }
    }

    /**
     * Member i of the spec is {@code m<i>} in family {@code F<familyOf[i]>}; family j is in vendor
     * {@code V<vendorOf[j]>}. Picks beyond the members are values no group lists, which the other label takes.
     */
    @Property(tries = 300)
    void groupsLabelEveryValueWithItsGroups(
            @ForAll @Size(min = 1, max = 30) List<@IntRange(max = 5) Integer> familyOf,
            @ForAll @Size(6) List<@IntRange(max = 2) Integer> vendorOf,
            @ForAll @Size(min = 1, max = 40) List<@IntRange(max = 40) Integer> picks) {
        Map<String, List<String>> families = new LinkedHashMap<>();
        for (int i = 0; i < familyOf.size(); i++) {
            families.computeIfAbsent("F" + familyOf.get(i), f -> new ArrayList<>()).add("m" + i);
        }
        Map<String, List<String>> vendors = new LinkedHashMap<>();
        for (String family : families.keySet()) {
            vendors.computeIfAbsent("V" + vendorOf.get(family.charAt(1) - '0'), v -> new ArrayList<>()).add(family);
        }
        OrderedGroups spec = new OrderedGroups(List.of(groups(families), groups(vendors)), "Other");
        List<String> domain = picks.stream().map(p -> "m" + p).toList();

        Hierarchy h = spec.build("x", domain);

        assertBuilt(spec, h, domain);
        assertThat(h.height()).isEqualTo(3);
        for (int pick : picks) {
            List<String> labels = labelsOf(h, "m" + pick);
            if (pick < familyOf.size()) {
                int family = familyOf.get(pick);
                assertThat(labels).containsExactly("F" + family, "V" + vendorOf.get(family), "*");
            } else {
                assertThat(labels).containsExactly("Other", "Other", "*");
            }
        }
    }

    /** Well formed, and the height is what a one-value domain gets: the spec fixes it, not the data. */
    private static void assertBuilt(HierarchySpec spec, Hierarchy h, List<String> domain) {
        assertWellFormed(h, domain);
        assertThat(h.height()).isEqualTo(spec.build("x", List.of(domain.get(0))).height());
    }

    private static List<Group> groups(Map<String, List<String>> members) {
        return members.entrySet().stream().map(e -> new Group(e.getKey(), e.getValue())).toList();
    }

    @Provide
    Arbitrary<Intervals> intervalSpecs() {
        Arbitrary<BigDecimal> min = Arbitraries.bigDecimals().between(new BigDecimal("-1000"), new BigDecimal("1000"))
                .ofScale(1);
        Arbitrary<BigDecimal> spread = Arbitraries.bigDecimals().between(new BigDecimal("0.5"), new BigDecimal("1e5"))
                .ofScale(2);
        Arbitrary<BigDecimal> width = Arbitraries.bigDecimals().between(new BigDecimal("0.25"), new BigDecimal("500"))
                .ofScale(2);
        Arbitrary<Integer> fanout = Arbitraries.integers().between(2, 5);
        Arbitrary<Intervals> linear = Combinators.combine(min, spread, width, fanout)
                .as((lo, d, w, f) -> Intervals.linear(lo, lo.add(d), w, f));
        Arbitrary<Intervals> log2 = Combinators.combine(min.map(BigDecimal::abs).filter(m -> m.signum() > 0), spread,
                fanout).as((lo, d, f) -> Intervals.log2(lo, lo.add(d), f));
        return Arbitraries.oneOf(linear, log2);
    }

    @Provide
    Arbitrary<String> numbers() {
        Arbitrary<BigDecimal> number = Arbitraries.bigDecimals()
                .between(new BigDecimal("-2e5"), new BigDecimal("2e5")).ofScale(3);
        // Both spellings: the builder must read "1.5E+2" as well as "150".
        return Arbitraries.oneOf(number.map(BigDecimal::toPlainString), number.map(BigDecimal::toString));
    }

    @Provide
    Arbitrary<List<Granularity>> dateLevels() {
        return Arbitraries.subsetOf(EnumSet.allOf(Granularity.class)).filter(s -> !s.isEmpty())
                .map(HierarchyPropertiesTest::ordered);
    }

    private static List<Granularity> ordered(Set<Granularity> levels) {
        return List.copyOf(EnumSet.copyOf(levels));
    }

    @Provide
    Arbitrary<String> datesAndTimestamps() {
        Arbitrary<LocalDate> date = Arbitraries.longs().between(LocalDate.of(1900, 1, 1).toEpochDay(),
                LocalDate.of(2100, 12, 31).toEpochDay()).map(LocalDate::ofEpochDay);
        Arbitrary<LocalTime> time = Arbitraries.integers().between(0, 86_399).map(LocalTime::ofSecondOfDay);
        Arbitrary<ZoneOffset> offset = Arbitraries.integers().between(-14 * 3600, 14 * 3600)
                .map(s -> ZoneOffset.ofTotalSeconds(s / 900 * 900));
        Arbitrary<String> timestamp = Combinators.combine(date, time, offset).as((d, t, o) -> d + "T" + t + o);
        return Arbitraries.oneOf(date.map(LocalDate::toString), timestamp);
    }

    @Provide
    Arbitrary<Character> separators() {
        return Arbitraries.of('.', '_', ':');
    }

    @Provide
    Arbitrary<String> masks() {
        return Arbitraries.of("*", "", "x.x");
    }

    @Provide
    Arbitrary<String> dotted() {
        // Few distinct characters, separators included, so prefixes collide often and empty components occur.
        return Arbitraries.strings().withChars('1', '2', 'a', '*', '.', '_', ':').ofMaxLength(10);
    }
}
