package org.uepdeid.jobs.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Draws the device with a given index: hardware, installation, owner and habits, from its own random stream. */
final class DeviceSampler {

    private static final String SERIAL_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
    private static final LocalDate OLDEST_BIOS = LocalDate.of(2017, 1, 1);
    private static final int BIOS_DATE_SPAN_DAYS = 8 * 365;

    private final Population population;
    private final Catalogues catalogues;
    private final OwnerSampler owners;

    DeviceSampler(Population population) {
        this.population = population;
        this.catalogues = population.catalogues();
        this.owners = new OwnerSampler(catalogues, population.shares());
    }

    Device sample(long index) {
        SeededRandom random = SeededRandom.of(population.seed(), RandomPurpose.DEVICE, index);
        // Board and language first: the owner's host name and folders depend on them, the partitions on the owner.
        BoardModel board = catalogues.boards().pick(random);
        String language = catalogues.languages().pick(random);
        Owner owner = owners.sample(random, board, language);
        Hardware hardware = hardware(random, board, owner.username());
        Installation installation = installation(random, hardware.cpu(), language);
        Habits habits = habits(random);
        return new Device(index, deviceId(index), hardware, installation, owner, habits);
    }

    /** 32 lower-case hex digits, like an install's machine id. */
    private String deviceId(long index) {
        SeededRandom random = SeededRandom.of(population.seed(), RandomPurpose.DEVICE_ID, index);
        return hex16(random.nextLong()) + hex16(random.nextLong());
    }

    private Hardware hardware(SeededRandom random, BoardModel board, String username) {
        CpuModel cpu = catalogues.cpusFor(board).pick(random);
        int memoryMb = catalogues.memoryMb().pick(random);
        String biosVendor = random.pickUniform(board.biosVendors());
        String biosVersion = fillDigits(random, board.biosVersionPattern());
        LocalDate biosDate = OLDEST_BIOS.plusDays(random.nextInt(BIOS_DATE_SPAN_DAYS));
        String boardSerial = random.characters(SERIAL_ALPHABET, random.between(8, 14));
        String biosSerial = random.characters(SERIAL_ALPHABET, random.between(7, 12));
        List<Disk> disks = disks(random);
        return new Hardware(board, boardSerial, biosVendor, biosVersion, biosDate, biosSerial, cpu, memoryMb, disks,
                partitions(random, disks, memoryMb, username), nics(random));
    }

    private List<Disk> disks(SeededRandom random) {
        double countDraw = random.nextDouble();
        int count = countDraw < 0.70 ? 1 : countDraw < 0.95 ? 2 : 3;
        List<Disk> disks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            DiskModel model = catalogues.disks().pick(random);
            disks.add(new Disk(model.model(), random.characters(SERIAL_ALPHABET, random.between(10, 20)),
                    model.sizeGb(), model.type()));
        }
        return List.copyOf(disks);
    }

    /** The installer's layout on the first disk (EFI, boot, root, its recovery copy, swap, data), one per other. */
    private static List<Partition> partitions(SeededRandom random, List<Disk> disks, int memoryMb, String username) {
        List<Partition> partitions = new ArrayList<>();
        int size = disks.get(0).sizeGb();
        int swap = Math.min(16, (memoryMb + 1023) / 1024);
        partitions.add(new Partition("vfat", 1, "/boot/efi"));
        partitions.add(new Partition("ext4", 2, "/boot"));
        if (size >= 200) {
            int root = Math.min(100, size / 4);
            partitions.add(new Partition("ext4", root, "/"));
            partitions.add(new Partition("ext4", root, "/recovery"));
            partitions.add(new Partition("swap", swap, "swap"));
            partitions.add(new Partition("ext4", size - 3 - 2 * root - swap, "/data"));
        } else {
            partitions.add(new Partition("ext4", size - 3 - swap, "/"));
            partitions.add(new Partition("swap", swap, "swap"));
        }
        for (Disk extra : disks.subList(1, disks.size())) {
            double kind = random.nextDouble();
            if (kind < 0.5) {
                partitions.add(new Partition("ext4", extra.sizeGb(), "/media/" + username + "/Data"));
            } else if (kind < 0.8) {
                // A dual-boot disk, auto-mounted under the user's name.
                partitions.add(new Partition("ntfs", extra.sizeGb(), "/media/" + username + "/Windows"));
            } else {
                partitions.add(new Partition("xfs", extra.sizeGb(), "/data2"));
            }
        }
        return List.copyOf(partitions);
    }

    private List<Nic> nics(SeededRandom random) {
        List<Nic> nics = new ArrayList<>(2);
        boolean wired = random.chance(0.92);
        if (wired) {
            nics.add(nic(random, catalogues.wiredNics().pick(random)));
        }
        if (!wired || random.chance(0.4)) {
            nics.add(nic(random, catalogues.wirelessNics().pick(random)));
        }
        return List.copyOf(nics);
    }

    private static Nic nic(SeededRandom random, NicModel model) {
        StringBuilder mac = new StringBuilder(model.oui());
        for (int i = 0; i < 3; i++) {
            mac.append(':').append(random.characters("0123456789abcdef", 2));
        }
        return new Nic(model.vendor(), model.model(), mac.toString());
    }

    private Installation installation(SeededRandom random, CpuModel cpu, String language) {
        OsBuild os = catalogues.osBuilds().pick(random);
        String edition = catalogues.editions().pick(random);
        String timezone = catalogues.timezones().pick(random);
        List<Preference> preferences = catalogues.preferences().stream()
                .map(choice -> new Preference(choice.key(), choice.values().pick(random)))
                .toList();
        int cadence = random.between(7, 120);
        return new Installation(os, edition, os.kernelFor(cpu.arch()), language, timezone, preferences, cadence,
                random.nextInt(cadence));
    }

    private Habits habits(SeededRandom random) {
        // Log-normal activity: most devices are used a little, a few a lot.
        double activity = Math.min(8.0, Math.max(0.1, random.logNormal(1.0, 0.6)));
        int favouriteCount = 3 + random.poisson(6);
        Set<String> favourites = new LinkedHashSet<>();
        for (int attempt = 0; attempt < 4 * favouriteCount && favourites.size() < favouriteCount; attempt++) {
            favourites.add(catalogues.apps().pick(random));
        }
        String consentVersion = catalogues.consentVersions().pick(random);
        int homeBlock = random.nextInt(population.ipRegions().blocks().size());
        return new Habits(activity, List.copyOf(favourites), consentVersion, homeBlock, random.chance(0.25));
    }

    private static String fillDigits(SeededRandom random, String pattern) {
        StringBuilder filled = new StringBuilder(pattern.length());
        for (char c : pattern.toCharArray()) {
            filled.append(c == '#' ? (char) ('0' + random.nextInt(10)) : c);
        }
        return filled.toString();
    }

    private static String hex16(long value) {
        String hex = Long.toHexString(value);
        return "0".repeat(16 - hex.length()) + hex;
    }
}
