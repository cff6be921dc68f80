package org.uepdeid.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The fast paths must accept and reject exactly what java.time's ISO formatters do, with the same values. */
class IsoTimeTest {

    @Property(tries = 5000)
    void timestampsParseAsTheIsoFormatterDoes(@ForAll("nearTimestamps") String text) {
        assertSameOutcome(text, IsoTime::offsetDateTime,
                t -> OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }

    @Property(tries = 3000)
    void daysParseAsTheIsoFormatterDoes(@ForAll("nearDays") String text) {
        assertSameOutcome(text, IsoTime::localDate, t -> LocalDate.parse(t, DateTimeFormatter.ISO_LOCAL_DATE));
    }

    @Test
    void readsTheClientsUsualShapes() {
        assertThat(IsoTime.offsetDateTime("2026-11-27T10:15:30.123+08:00"))
                .isEqualTo(OffsetDateTime.parse("2026-11-27T10:15:30.123+08:00"));
        assertThat(IsoTime.offsetDateTime("2026-11-27T02:15:30Z").toInstant())
                .isEqualTo(OffsetDateTime.parse("2026-11-27T10:15:30+08:00").toInstant());
        assertThat(IsoTime.localDate("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThatThrownBy(() -> IsoTime.localDate("2023-02-29")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> IsoTime.offsetDateTime("2026-11-27T24:00:00Z"))
                .isInstanceOf(DateTimeParseException.class);
    }

    private static <T> void assertSameOutcome(String text, Function<String, T> fast, Function<String, T> reference) {
        T expected;
        try {
            expected = reference.apply(text);
        } catch (DateTimeParseException rejected) {
            assertThatThrownBy(() -> fast.apply(text)).as(text).isInstanceOf(DateTimeParseException.class);
            return;
        }
        assertThat(fast.apply(text)).as(text).isEqualTo(expected);
    }

    /** Mostly well-formed values with random digits (so invalid days and hours too), some with a wrong character. */
    @Provide
    Arbitrary<String> nearTimestamps() {
        Arbitrary<String> fraction = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.just("."),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(11).map(d -> "." + d));
        Arbitrary<String> offset = Arbitraries.oneOf(Arbitraries.of("Z", "z", "+08:00", "-00:00", "+18:00", "+18:01",
                        "-05:30", "+8:00", "+08", "+0800", "+08:00:00", ""),
                Combinators.combine(Arbitraries.of("+", "-"), twoDigits(), twoDigits())
                        .as((sign, h, m) -> sign + h + ":" + m));
        Arbitrary<String> well = Combinators.combine(day(), Arbitraries.of("T", "t", " "), twoDigits(), twoDigits(),
                twoDigits(), fraction, offset).as((d, t, h, mi, s, f, o) -> d + t + h + ":" + mi + ":" + s + f + o);
        return Arbitraries.oneOf(well, well.flatMap(IsoTimeTest::withOneCharacterChanged));
    }

    @Provide
    Arbitrary<String> nearDays() {
        return Arbitraries.oneOf(day(), day().flatMap(IsoTimeTest::withOneCharacterChanged));
    }

    private static Arbitrary<String> day() {
        return Combinators.combine(Arbitraries.integers().between(0, 10_500).map(y -> String.format("%04d", y)),
                twoDigits(), twoDigits()).as((y, m, d) -> y + "-" + m + "-" + d);
    }

    private static Arbitrary<String> twoDigits() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 13).map(v -> String.format("%02d", v)),
                Arbitraries.integers().between(0, 99).map(v -> String.format("%02d", v)));
    }

    private static Arbitrary<String> withOneCharacterChanged(String text) {
        return Combinators.combine(Arbitraries.integers().between(0, text.length() - 1),
                Arbitraries.of('0', '9', '-', ':', 'T', 'Z', '+', '.', 'x', '٣'))
                .as((i, c) -> text.substring(0, i) + c + text.substring(i + 1));
    }
}
