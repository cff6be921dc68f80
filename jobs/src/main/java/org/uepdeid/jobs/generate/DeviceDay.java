package org.uepdeid.jobs.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** A device on one day: its address that day, whether it had UEP switched off, and the lines it sends. */
record DeviceDay(Device device, LocalDate day, String ip, boolean consentDisabled, List<LinePlan> lines) {

    /** The birth year the device reports on this day, if it reports one. */
    OptionalInt birthYear() {
        Owner owner = device.owner();
        return owner.reportsBirthYear() ? OptionalInt.of(day.getYear() - owner.age()) : OptionalInt.empty();
    }

    /** Every personal value this device-day's landing lines carry. */
    List<PlantedValue> plantedValues() {
        String id = device.deviceId();
        Hardware hardware = device.hardware();
        Owner owner = device.owner();
        List<PlantedValue> planted = new ArrayList<>();
        planted.add(new PlantedValue(id, PlantedKind.DEVICE_ID, id));
        planted.add(new PlantedValue(id, PlantedKind.IP, ip));
        planted.add(new PlantedValue(id, PlantedKind.USERNAME, owner.username()));
        planted.add(new PlantedValue(id, PlantedKind.HOSTNAME, owner.hostname()));
        if (owner.customWallpaper()) {
            planted.add(new PlantedValue(id, PlantedKind.WALLPAPER, owner.wallpaper()));
        }
        hardware.nics().forEach(nic -> planted.add(new PlantedValue(id, PlantedKind.MAC, nic.mac())));
        planted.add(new PlantedValue(id, PlantedKind.BOARD_SERIAL, hardware.boardSerial()));
        planted.add(new PlantedValue(id, PlantedKind.BIOS_SERIAL, hardware.biosSerial()));
        hardware.disks().forEach(disk -> planted.add(new PlantedValue(id, PlantedKind.DISK_SERIAL, disk.serial())));
        owner.email().ifPresent(email -> planted.add(new PlantedValue(id, PlantedKind.EMAIL, email)));
        owner.mobile().ifPresent(mobile -> planted.add(new PlantedValue(id, PlantedKind.MOBILE, mobile)));
        owner.residentId().ifPresent(number -> planted.add(new PlantedValue(id, PlantedKind.RESIDENT_ID, number)));
        return planted;
    }
}
