package org.uepdeid.jobs.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.uepdeid.jobs.config.ConsentSection;

/**
 * Writes planned lines as UEP JSON, with the field names and nesting of UEP-TELEMETRY.md, in a fixed order so
 * the same plan always gives the same bytes. One renderer per task: the JSON writer is not shared across threads.
 */
final class EventRenderer {

    static final String SCHEMA = "uep.v1";
    private static final double FAVOURITE_APP = 0.8;
    private static final double MEDIAN_SESSION_SECONDS = 600;
    private static final int MAX_SESSION_SECONDS = 6 * 3600;
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,9}");
    private static final WeightedChoice<String> DOWNLOAD_SOURCES =
            WeightedChoice.of(List.of("app-store", "browser", "cli", "other"), new double[] {55, 30, 10, 5});

    private final Population population;
    private final ObjectMapper json = new ObjectMapper();

    EventRenderer(Population population) {
        this.population = population;
    }

    byte[] line(DeviceDay deviceDay, LinePlan plan) {
        ObjectNode event = event(deviceDay, plan);
        DefectContext context = new DefectContext(json, random(RandomPurpose.DEFECT, deviceDay, plan),
                ChinaTime.startOf(deviceDay.day()), plan.epochSecond());
        return plan.defect().map(defect -> defect.spoil(event, context)).orElseGet(() -> context.bytes(event));
    }

    private ObjectNode event(DeviceDay deviceDay, LinePlan plan) {
        Device device = deviceDay.device();
        ObjectNode event = json.createObjectNode();
        event.put("schema", SCHEMA);
        event.put("event_id", eventId(deviceDay, plan));
        event.put("event_type", plan.type().wireName());
        event.put("device_id", device.deviceId());
        event.put("ts", ChinaTime.format(plan.epochSecond()));
        event.put("ip", deviceDay.ip());
        switch (plan.outcome()) {
            case CONSENT_MISSING -> { }
            case CONSENT_DISABLED -> event.put("uep_enabled", false);
            default -> event.put("uep_enabled", true);
        }
        // A bad line stands for a consenting user's event, so that being bad is its only reason for exclusion; a
        // child's states the birth year still, as a real client's would (see Outcome).
        event.put("consent_version", plan.defect().isPresent() ? ConsentSection.CURRENT_POLICY_VERSION
                : device.habits().consentVersion());
        deviceDay.birthYear().ifPresent(year -> event.put("birth_year", year));
        SeededRandom random = random(RandomPurpose.EVENT_BODY, deviceDay, plan);
        switch (plan.type()) {
            case DEVICE_PROFILE -> {
                event.set("device", device(device.hardware()));
                event.set("system", system(deviceDay));
            }
            case APP_SESSION -> event.set("app", appSession(device, plan.epochSecond(), random));
            case DOWNLOAD -> {
                ObjectNode download = event.putObject("download");
                download.put("source", DOWNLOAD_SOURCES.pick(random));
                download.put("app_id", population.catalogues().apps().pick(random));
            }
            case LOGIN -> { }
        }
        return event;
    }

    private ObjectNode device(Hardware hardware) {
        ObjectNode device = json.createObjectNode();
        device.put("board_vendor", hardware.board().vendor());
        device.put("board_model", hardware.board().model());
        device.put("board_serial", hardware.boardSerial());
        device.put("bios_serial", hardware.biosSerial());
        device.put("bios_vendor", hardware.biosVendor());
        device.put("bios_version", hardware.biosVersion());
        device.put("bios_date", hardware.biosDate().toString());
        device.put("cpu_vendor", hardware.cpu().vendor());
        device.put("cpu_model", hardware.cpu().model());
        device.put("cpu_cores", hardware.cpu().cores());
        device.put("memory_mb", hardware.memoryMb());
        ArrayNode disks = device.putArray("disks");
        for (Disk disk : hardware.disks()) {
            disks.addObject().put("model", disk.model()).put("serial", disk.serial()).put("size_gb", disk.sizeGb())
                    .put("type", disk.type());
        }
        ArrayNode partitions = device.putArray("partitions");
        for (Partition partition : hardware.partitions()) {
            partitions.addObject().put("fs", partition.fs()).put("size_gb", partition.sizeGb())
                    .put("mount", partition.mount());
        }
        ArrayNode nics = device.putArray("nics");
        for (Nic nic : hardware.nics()) {
            nics.addObject().put("vendor", nic.vendor()).put("model", nic.model()).put("mac", nic.mac());
        }
        return device;
    }

    private ObjectNode system(DeviceDay deviceDay) {
        Installation installation = deviceDay.device().installation();
        Owner owner = deviceDay.device().owner();
        ObjectNode system = json.createObjectNode();
        system.put("os_version", installation.os().version());
        system.put("edition", installation.edition());
        system.put("kernel", installation.kernel());
        system.put("last_update", installation.lastUpdateOn(deviceDay.day()).toString());
        system.put("language", installation.language());
        system.put("timezone", installation.timezone());
        for (Preference preference : installation.preferences()) {
            putPreference(system, preference.key(), preference.value());
        }
        system.put("wallpaper", owner.wallpaper());
        system.put("hostname", owner.hostname());
        system.put("username", owner.username());
        return system;
    }

    /** {@code dock.size} goes to {@code "dock": {"size": ...}}; integers and booleans keep their JSON types. */
    private static void putPreference(ObjectNode system, String key, String value) {
        int dot = key.indexOf('.');
        if (dot >= 0) {
            ObjectNode group = system.has(key.substring(0, dot))
                    ? (ObjectNode) system.get(key.substring(0, dot))
                    : system.putObject(key.substring(0, dot));
            putPreference(group, key.substring(dot + 1), value);
        } else if (value.equals("true") || value.equals("false")) {
            system.put(key, Boolean.parseBoolean(value));
        } else if (INTEGER.matcher(value).matches()) {
            system.put(key, Integer.parseInt(value));
        } else {
            system.put(key, value);
        }
    }

    private ObjectNode appSession(Device device, long start, SeededRandom random) {
        List<String> favourites = device.habits().favouriteApps();
        String appId = random.chance(FAVOURITE_APP)
                ? random.pickUniform(favourites)
                : population.catalogues().apps().pick(random);
        long seconds = Math.max(3, Math.min(MAX_SESSION_SECONDS,
                Math.round(random.logNormal(MEDIAN_SESSION_SECONDS, 1.3))));
        ObjectNode app = json.createObjectNode();
        app.put("id", appId);
        app.put("version", appVersion(appId, device.index()));
        app.put("start", ChinaTime.format(start));
        app.put("exit", ChinaTime.format(start + seconds));
        return app;
    }

    /** The app's current version, or one a few patches behind on devices that update late. */
    private String appVersion(String appId, long deviceIndex) {
        SeededRandom release = SeededRandom.of(population.seed(), RandomPurpose.APP_VERSION, appId.hashCode());
        int major = release.between(1, 12);
        int minor = release.between(0, 20);
        int patch = release.between(2, 40);
        double lagDraw = SeededRandom.of(population.seed(), RandomPurpose.APP_VERSION, appId.hashCode(), deviceIndex)
                .nextDouble();
        int lag = lagDraw < 0.7 ? 0 : lagDraw < 0.9 ? 1 : 2;
        return major + "." + minor + "." + (patch - lag);
    }

    /** A version-4-shaped UUID drawn from the event's coordinates, so re-runs give the same ids. */
    private String eventId(DeviceDay deviceDay, LinePlan plan) {
        SeededRandom random = random(RandomPurpose.EVENT_ID, deviceDay, plan);
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private SeededRandom random(RandomPurpose purpose, DeviceDay deviceDay, LinePlan plan) {
        return SeededRandom.of(population.seed(), purpose, deviceDay.device().index(), deviceDay.day().toEpochDay(),
                plan.eventIndex());
    }
}
