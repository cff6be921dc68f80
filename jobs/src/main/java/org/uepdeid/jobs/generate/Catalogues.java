package org.uepdeid.jobs.generate;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The real-world vocabularies the generator draws from (boards, CPUs, disks, apps, names...), loaded from the
 * resources next to this class. Popularity is Zipf over file order unless a file carries explicit weights.
 */
record Catalogues(
        WeightedChoice<BoardModel> boards,
        Map<List<String>, WeightedChoice<CpuModel>> cpusByVendors,
        WeightedChoice<Integer> memoryMb,
        WeightedChoice<DiskModel> disks,
        WeightedChoice<NicModel> wiredNics,
        WeightedChoice<NicModel> wirelessNics,
        WeightedChoice<OsBuild> osBuilds,
        WeightedChoice<String> editions,
        WeightedChoice<String> languages,
        WeightedChoice<String> timezones,
        WeightedChoice<String> consentVersions,
        List<PreferenceChoice> preferences,
        WeightedChoice<String> apps,
        WeightedChoice<String> surnames,
        WeightedChoice<String> givenNames,
        WeightedChoice<String> builtinWallpapers,
        WeightedChoice<String> customWallpaperFiles,
        WeightedChoice<String> emailDomains,
        List<String> mobilePrefixes,
        List<String> residentIdRegions) implements Serializable {

    // Exponents of the Zipf laws: about 1 for hardware and apps (a long tail), steeper where one value dominates.
    private static final double HARDWARE_EXPONENT = 1.0;
    private static final double NIC_EXPONENT = 1.3;
    private static final double APP_EXPONENT = 1.1;
    private static final double NAME_EXPONENT = 0.9;
    private static final double BUILTIN_WALLPAPER_EXPONENT = 1.5;
    private static final double CUSTOM_FILE_EXPONENT = 0.8;

    static Catalogues load() {
        List<BoardModel> boards = map(
                CatalogueFile.rows("boards.csv", "vendor;model;cpu_vendors;bios_vendors;bios_version"),
                row -> new BoardModel(row.text("vendor"), row.text("model"), row.list("cpu_vendors"),
                        row.list("bios_vendors"), row.text("bios_version")));
        List<CpuModel> cpus = map(CatalogueFile.rows("cpus.csv", "vendor;family;model;cores;arch"),
                row -> new CpuModel(row.text("vendor"), row.text("family"), row.text("model"), row.integer("cores"),
                        row.text("arch")));
        List<NicModel> nics = map(CatalogueFile.rows("nics.csv", "vendor;model;oui;kind"), Catalogues::nic);
        List<CatalogueRow> wallpapers = CatalogueFile.rows("wallpapers.csv", "kind;value");
        return new Catalogues(
                WeightedChoice.zipf(boards, HARDWARE_EXPONENT),
                cpusByVendors(boards, cpus),
                weighted("memory.csv", "memory_mb", row -> row.integer("memory_mb")),
                WeightedChoice.zipf(map(CatalogueFile.rows("disks.csv", "model;type;size_gb"),
                        row -> new DiskModel(row.text("model"), diskType(row), row.integer("size_gb"))),
                        HARDWARE_EXPONENT),
                WeightedChoice.zipf(nics.stream().filter(nic -> !nic.wireless()).toList(), NIC_EXPONENT),
                WeightedChoice.zipf(nics.stream().filter(NicModel::wireless).toList(), NIC_EXPONENT),
                WeightedChoice.zipf(map(CatalogueFile.rows("os-builds.csv", "os_version;kernel"),
                        row -> new OsBuild(row.text("os_version"), row.text("kernel"))), HARDWARE_EXPONENT),
                weighted("editions.csv", "edition", row -> row.text("edition")),
                weighted("languages.csv", "language", row -> row.text("language")),
                weighted("timezones.csv", "timezone", row -> row.text("timezone")),
                weighted("consent-versions.csv", "consent_version", row -> row.text("consent_version")),
                preferences(CatalogueFile.rows("preferences.csv", "key;value;weight")),
                WeightedChoice.zipf(CatalogueFile.values("apps.txt"), APP_EXPONENT),
                WeightedChoice.zipf(CatalogueFile.values("surnames.txt"), NAME_EXPONENT),
                WeightedChoice.zipf(CatalogueFile.values("given-names.txt"), NAME_EXPONENT),
                WeightedChoice.zipf(wallpapersOfKind(wallpapers, "builtin"), BUILTIN_WALLPAPER_EXPONENT),
                WeightedChoice.zipf(wallpapersOfKind(wallpapers, "custom"), CUSTOM_FILE_EXPONENT),
                weighted("email-domains.csv", "domain", row -> row.text("domain")),
                CatalogueFile.values("mobile-prefixes.txt"),
                CatalogueFile.values("resident-id-regions.txt"));
    }

    WeightedChoice<CpuModel> cpusFor(BoardModel board) {
        return cpusByVendors.get(board.cpuVendors());
    }

    /** Each board's CPU vendors get their own choice, Zipf over the catalogue order of those vendors' CPUs. */
    private static Map<List<String>, WeightedChoice<CpuModel>> cpusByVendors(List<BoardModel> boards,
                                                                             List<CpuModel> cpus) {
        Map<List<String>, WeightedChoice<CpuModel>> byVendors = new LinkedHashMap<>();
        for (BoardModel board : boards) {
            List<CpuModel> fitting = cpus.stream().filter(cpu -> board.cpuVendors().contains(cpu.vendor())).toList();
            for (String vendor : board.cpuVendors()) {
                if (cpus.stream().noneMatch(cpu -> cpu.vendor().equals(vendor))) {
                    throw new IllegalStateException("catalogue boards.csv: board " + board.model()
                            + " names CPU vendor '" + vendor + "', which has no CPU in cpus.csv");
                }
            }
            byVendors.putIfAbsent(board.cpuVendors(), WeightedChoice.zipf(fitting, HARDWARE_EXPONENT));
        }
        return Map.copyOf(byVendors);
    }

    private static NicModel nic(CatalogueRow row) {
        String kind = row.text("kind");
        if (!kind.equals("wired") && !kind.equals("wireless")) {
            throw row.problem("kind", kind, "must be wired or wireless");
        }
        return new NicModel(row.text("vendor"), row.text("model"), row.text("oui"), kind.equals("wireless"));
    }

    private static String diskType(CatalogueRow row) {
        String type = row.text("type");
        if (!List.of("ssd", "hdd", "nvme").contains(type)) {
            throw row.problem("type", type, "must be ssd, hdd or nvme");
        }
        return type;
    }

    private static List<PreferenceChoice> preferences(List<CatalogueRow> rows) {
        Map<String, List<CatalogueRow>> byKey = new LinkedHashMap<>();
        for (CatalogueRow row : rows) {
            byKey.computeIfAbsent(row.text("key"), key -> new ArrayList<>()).add(row);
        }
        List<PreferenceChoice> preferences = new ArrayList<>();
        byKey.forEach((key, keyRows) -> preferences.add(new PreferenceChoice(key,
                WeightedChoice.of(map(keyRows, row -> row.text("value")), weights(keyRows)))));
        return List.copyOf(preferences);
    }

    private static List<String> wallpapersOfKind(List<CatalogueRow> rows, String kind) {
        return rows.stream().filter(row -> row.text("kind").equals(kind)).map(row -> row.text("value")).toList();
    }

    private static <T extends Serializable> WeightedChoice<T> weighted(String file, String column,
                                                                       Function<CatalogueRow, T> value) {
        List<CatalogueRow> rows = CatalogueFile.rows(file, column + ";weight");
        return WeightedChoice.of(map(rows, value), weights(rows));
    }

    private static double[] weights(List<CatalogueRow> rows) {
        return rows.stream().mapToDouble(row -> row.weight("weight")).toArray();
    }

    private static <T> List<T> map(List<CatalogueRow> rows, Function<CatalogueRow, T> value) {
        return rows.stream().map(value).toList();
    }
}
