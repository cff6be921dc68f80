package org.uepdeid.jobs.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.uepdeid.jobs.pii.ResidentIdCheck;

/** The device population is long-tailed and China-centred, so that k-anonymity has real work to do. */
class DeviceDistributionTest {

    private static List<Device> devices;

    @BeforeAll
    static void sampleThousandDevices() {
        DeviceSampler sampler = new DeviceSampler(GenerateFixtures.population(2026, 0.01));
        devices = LongStream.range(0, 1000).mapToObj(sampler::sample).toList();
    }

    @Test
    void noBoardModelDominatesAndTheTailIsLong() {
        Map<String, Long> boards = count(device -> device.hardware().board().model());
        assertThat(share(boards, top(boards))).isLessThan(0.30);
        assertThat(boards).hasSizeGreaterThan(35);
        assertThat(boards.values().stream().filter(count -> count <= 5)).hasSizeGreaterThan(10);
    }

    @Test
    void quasiIdentifierTuplesAreMostlyRare() {
        Map<String, Long> tuples = count(device -> device.hardware().board().model() + "|"
                + device.hardware().cpu().model() + "|" + device.hardware().memoryMb() + "|"
                + device.installation().os().version());
        assertThat(tuples).hasSizeGreaterThan(600);
        long unique = tuples.values().stream().filter(count -> count == 1).count();
        assertThat(unique).isGreaterThan(400);
    }

    @Test
    void cpusComeFromEveryVendorAndMatchTheirBoards() {
        Map<String, Long> vendors = count(device -> device.hardware().cpu().vendor());
        assertThat(vendors.keySet())
                .containsAll(Set.of("Intel", "AMD", "Hygon", "Zhaoxin", "Phytium", "Loongson", "Kunpeng"));
        assertThat(devices).allSatisfy(device ->
                assertThat(device.hardware().board().cpuVendors()).contains(device.hardware().cpu().vendor()));
    }

    @Test
    void memoryIsMostlyPowersOfTwoWithSomeOddSizes() {
        Map<String, Long> memory = count(device -> String.valueOf(device.hardware().memoryMb()));
        long powersOfTwo = devices.stream()
                .filter(device -> Integer.bitCount(device.hardware().memoryMb()) == 1).count();
        assertThat(powersOfTwo).isBetween(800L, 980L);
        assertThat(memory.keySet().stream().mapToInt(Integer::parseInt)).allSatisfy(mb ->
                assertThat(mb).isBetween(2048, 65536));
    }

    @Test
    void chineseLocaleDominatesWithMinorityLanguagesPresent() {
        Map<String, Long> languages = count(device -> device.installation().language());
        assertThat(share(languages, "zh_CN")).isBetween(0.80, 0.95);
        assertThat(languages).containsKeys("en_US", "zh_TW");
    }

    @Test
    void userNamesLeakIntoHostNamesAndWallpapers() {
        long inHostname = devices.stream().filter(device ->
                device.owner().hostname().contains(device.owner().username())).count();
        long inWallpaper = devices.stream().filter(device ->
                device.owner().wallpaper().startsWith("/home/" + device.owner().username() + "/")).count();
        assertThat(inHostname).isGreaterThan(600);
        assertThat(inWallpaper).isBetween(300L, 600L);
        assertThat(devices).allSatisfy(device -> assertThat(device.owner().username()).hasSizeGreaterThanOrEqualTo(6));
    }

    @Test
    void contactDetailsArePlantedOccasionally() {
        long emails = devices.stream().filter(device -> device.owner().email().isPresent()).count();
        long mobiles = devices.stream().filter(device -> device.owner().mobile().isPresent()).count();
        long residentIds = devices.stream().filter(device -> device.owner().residentId().isPresent()).count();
        assertThat(emails).isBetween(5L, 60L);
        assertThat(mobiles).isBetween(10L, 70L);
        assertThat(residentIds).isBetween(3L, 40L);
        devices.forEach(device -> {
            device.owner().mobile().ifPresent(mobile -> assertThat(mobile).matches("1[3-9][0-9]{9}"));
            device.owner().residentId().ifPresent(number -> assertThat(ResidentIdCheck.isValid(number)).isTrue());
        });
    }

    @Test
    void minorsAreASmallShareAndAllReportTheirBirthYear() {
        long minors = devices.stream().filter(device -> device.owner().isMinor()).count();
        long reporting = devices.stream().filter(device -> device.owner().reportsBirthYear()).count();
        assertThat(minors).isBetween(8L, 40L);
        assertThat(reporting).isBetween(200L, 350L);
    }

    @Test
    void deviceIdsAndSerialsAreUnique() {
        assertThat(devices.stream().map(Device::deviceId).distinct()).hasSize(devices.size());
        assertThat(devices.stream().map(device -> device.hardware().boardSerial()).distinct()).hasSize(devices.size());
    }

    private static Map<String, Long> count(Function<Device, String> key) {
        return devices.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }

    private static String top(Map<String, Long> counts) {
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private static double share(Map<String, Long> counts, String key) {
        return counts.getOrDefault(key, 0L) / (double) devices.size();
    }
}
