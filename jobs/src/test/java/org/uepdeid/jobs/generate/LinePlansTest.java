package org.uepdeid.jobs.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Without Spark: every rendered line is what its plan says, as an independent parser sees it. */
class LinePlansTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);

    @Test
    void everyLineIsOfItsPlannedKind() {
        Population population = GenerateFixtures.population(11, 0.3);
        EventRenderer renderer = new EventRenderer(population);
        LineClassifier classifier = new LineClassifier(DAY, population.catalogues());
        Map<String, Integer> kinds = new HashMap<>();
        population.deviceDays(DAY, LongStream.range(0, 300).boxed().iterator()).forEach(deviceDay -> {
            for (LinePlan plan : deviceDay.lines()) {
                String planned = plan.kind();
                String expected = planned.equals("bad.malformed_json") || planned.equals("bad.truncated")
                        ? LineClassifier.UNPARSEABLE : planned;
                assertThat(classifier.classify(renderer.line(deviceDay, plan)))
                        .as("device %d event %d", deviceDay.device().index(), plan.eventIndex())
                        .isEqualTo(expected);
                kinds.merge(planned, 1, Integer::sum);
            }
        });
        for (LineDefect defect : LineDefect.values()) {
            assertThat(kinds).containsKey("bad." + defect.code());
        }
        assertThat(kinds).containsKeys("device_profile", "app_session", "login", "download",
                "no_consent.disabled", "no_consent.missing", "no_consent.outdated", "minor", "duplicate");
    }

    @Test
    void badLinesAreExtraAndGoodDataDoesNotDependOnTheBadShare() {
        List<String> clean = goodKinds(GenerateFixtures.population(5, 0.0));
        List<String> dirty = goodKinds(GenerateFixtures.population(5, 0.2));
        assertThat(dirty).isEqualTo(clean);
    }

    @Test
    void eachDeviceSendsExactlyOneGoodProfileADay() {
        Population population = GenerateFixtures.population(3, 0.1);
        population.deviceDays(DAY, LongStream.range(0, 100).boxed().iterator()).forEach(deviceDay ->
                assertThat(deviceDay.lines().stream().filter(plan -> plan.type() == EventType.DEVICE_PROFILE
                        && plan.outcome() != Outcome.BAD && plan.outcome() != Outcome.DUPLICATE)).hasSize(1));
    }

    @Test
    void goodTimesAreInsideTheChinaDayAndLinesAreInTimeOrder() {
        Population population = GenerateFixtures.population(3, 0.0);
        long start = ChinaTime.startOf(DAY);
        population.deviceDays(DAY, LongStream.range(0, 100).boxed().iterator()).forEach(deviceDay -> {
            List<Long> times = deviceDay.lines().stream().map(LinePlan::epochSecond).toList();
            assertThat(times).isSorted().allSatisfy(time -> assertThat(time).isBetween(start, start + 86_399));
        });
    }

    private static List<String> goodKinds(Population population) {
        return population.deviceDays(DAY, LongStream.range(0, 100).boxed().iterator())
                .flatMap(deviceDay -> deviceDay.lines().stream()
                        .filter(plan -> plan.defect().isEmpty())
                        .map(plan -> deviceDay.device().index() + ":" + plan.eventIndex() + ":" + plan.kind()))
                .toList();
    }
}
