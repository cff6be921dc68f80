package org.uepdeid.jobs.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.uepdeid.jobs.config.ConsentSection;
import org.uepdeid.jobs.ipregion.IpRegionTable;

/**
 * Plans a device's day: its address, whether UEP was on, and every line it sends, in time order, with each
 * line's outcome. Bad lines and duplicates are extra lines next to good ones, so the good data (one profile a
 * device a day) is the same whatever the bad-line share.
 */
final class DayPlanner {

    // Event indexes of extra bad lines: above any good event's index, so their random streams never collide.
    private static final int BAD_LINE_INDEX = 1 << 20;
    private static final int FORCED_BAD_LINE_INDEX = 1 << 21;
    private static final double ROAMING = 0.08;
    private static final double WEEKEND_ACTIVITY = 0.55;
    private static final int MAX_SESSIONS = 60;

    private final Population population;
    private final WeightedChoice<LineDefect> defects;
    private final double badLinesPerLine;

    DayPlanner(Population population) {
        this.population = population;
        List<LineDefect> all = List.of(LineDefect.values());
        this.defects = WeightedChoice.of(all, all.stream().mapToDouble(LineDefect::weight).toArray());
        // An extra bad line after each good one with probability b/(1-b) makes bad lines a share b of all lines.
        this.badLinesPerLine = population.badShare() / (1 - population.badShare());
    }

    DeviceDay plan(Device device, LocalDate day) {
        SeededRandom random = SeededRandom.of(population.seed(), RandomPurpose.DAY, device.index(), day.toEpochDay());
        String ip = ip(device, day, random);
        boolean minor = device.owner().isMinor();
        // Minors' lines carry no consent problems: each line has one reason to be excluded, never two.
        boolean consentDisabled = !minor && random.chance(population.shares().consentDisabled());
        boolean outdatedConsent = !ConsentSection.CURRENT_POLICY_VERSION.equals(device.habits().consentVersion());

        List<LinePlan> good = goodEvents(device, day, random);
        // Bad lines draw from a stream of their own, so the bad-line share changes nothing else.
        SeededRandom badLines = SeededRandom.of(population.seed(), RandomPurpose.BAD_LINES, device.index(),
                day.toEpochDay());
        List<LinePlan> lines = new ArrayList<>(good.size() + 4);
        for (LinePlan event : good) {
            Outcome outcome = minor ? Outcome.MINOR
                    : consentDisabled ? Outcome.CONSENT_DISABLED
                    : random.chance(population.shares().consentMissing()) ? Outcome.CONSENT_MISSING
                    : outdatedConsent ? Outcome.CONSENT_OUTDATED
                    : Outcome.ACCEPTED;
            lines.add(withOutcome(event, outcome));
            if (outcome == Outcome.ACCEPTED && random.chance(population.shares().duplicate())) {
                lines.add(withOutcome(event, Outcome.DUPLICATE));
            }
            if (badLines.chance(badLinesPerLine)) {
                lines.add(badLine(device, day, BAD_LINE_INDEX + event.eventIndex(), defects.pick(badLines),
                        event.type(), minor));
            }
        }
        // Every kind of bad line on every day (carried by the first devices), so small runs still show each kind.
        LineDefect[] all = LineDefect.values();
        if (population.badShare() > 0 && device.index() < all.length) {
            LineDefect forced = all[(int) device.index()];
            lines.add(badLine(device, day, FORCED_BAD_LINE_INDEX, forced, EventType.LOGIN, minor));
        }
        return new DeviceDay(device, day, ip, consentDisabled, List.copyOf(lines));
    }

    /** Today's address: the same for a static line, else a new one in the home block, or elsewhere when roaming. */
    private String ip(Device device, LocalDate day, SeededRandom random) {
        IpRegionTable table = population.ipRegions();
        Habits habits = device.habits();
        boolean roaming = random.chance(ROAMING);
        int block = roaming ? random.nextInt(table.blocks().size()) : habits.homeBlock();
        SeededRandom address = habits.staticIp() && !roaming
                ? SeededRandom.of(population.seed(), RandomPurpose.IP_ADDRESS, device.index())
                : SeededRandom.of(population.seed(), RandomPurpose.IP_ADDRESS, device.index(), day.toEpochDay());
        return BlockAddresses.draw(table.blocks().get(block).cidr(), address);
    }

    /** One profile, then logins, app sessions and downloads in numbers that follow activity and the weekday. */
    private List<LinePlan> goodEvents(Device device, LocalDate day, SeededRandom random) {
        double activity = device.habits().activity();
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        double weekday = weekend ? WEEKEND_ACTIVITY : 1.0;
        int logins = 1 + random.poisson(0.6 * activity * weekday);
        int sessions = Math.min(MAX_SESSIONS, random.poisson(3.5 * activity * weekday));
        int downloads = random.poisson(0.3 * activity * weekday);
        EventType[] types = new EventType[1 + logins + sessions + downloads];
        types[0] = EventType.DEVICE_PROFILE;
        Arrays.fill(types, 1, 1 + logins, EventType.LOGIN);
        Arrays.fill(types, 1 + logins, 1 + logins + sessions, EventType.APP_SESSION);
        Arrays.fill(types, 1 + logins + sessions, types.length, EventType.DOWNLOAD);
        List<LinePlan> events = new ArrayList<>(types.length);
        for (int index = 0; index < types.length; index++) {
            events.add(new LinePlan(index, types[index], time(device, day, index, types[index]), Outcome.ACCEPTED,
                    Optional.empty()));
        }
        events.sort(Comparator.comparingLong(LinePlan::epochSecond).thenComparingInt(LinePlan::eventIndex));
        return events;
    }

    /** A bad line; a child's counts as a minor's wherever ingest can read its birth year. */
    private LinePlan badLine(Device device, LocalDate day, int eventIndex, LineDefect defect, EventType fallback,
                             boolean minor) {
        EventType type = defect.carrier().orElse(fallback);
        Outcome outcome = minor && defect.readsAsJson() ? Outcome.MINOR : Outcome.BAD;
        return new LinePlan(eventIndex, type, time(device, day, eventIndex, type), outcome, Optional.of(defect));
    }

    private long time(Device device, LocalDate day, int eventIndex, EventType type) {
        SeededRandom random = SeededRandom.of(population.seed(), RandomPurpose.EVENT_TIME, device.index(),
                day.toEpochDay(), eventIndex);
        return ChinaTime.startOf(day) + DailyRhythm.of(type).secondOfDay(random);
    }

    private static LinePlan withOutcome(LinePlan event, Outcome outcome) {
        return new LinePlan(event.eventIndex(), event.type(), event.epochSecond(), outcome, Optional.empty());
    }
}
