package org.uepdeid.jobs.profile;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Derives the CPU QIs from what a device reports: a readable vendor and the family of the model ("Core i5",
 * "Ryzen 7", "Loongson 3A", "FT-2000"), the level between a model and its vendor in the CPU hierarchy.
 *
 * <p>Rules are tried in order and the first match wins; an unrecognized model has no family ({@code null}), which the
 * anonymizer generalizes like any value missing from its hierarchy.
 */
final class CpuFamily {

    /** CPUID vendor strings as the kernel reports them, mapped to the names people use. */
    private static final Map<String, String> CPUID_VENDORS = Map.of("genuineintel", "Intel", "authenticamd", "AMD",
            "hygongenuine", "Hygon", "centaurhauls", "Zhaoxin", "shanghai", "Zhaoxin");

    private record Rule(Pattern pattern, Function<Matcher, String> family) {
    }

    private static final List<Rule> RULES = List.of(
            rule("Core(?:\\(TM\\))?\\s*Ultra\\s*([3579])", m -> "Core Ultra " + m.group(1)),
            rule("Core(?:\\(TM\\))?\\s*(i[3579])\\b", m -> "Core " + m.group(1).toLowerCase(Locale.ROOT)),
            rule("\\b(Xeon|Pentium|Celeron|Atom)\\b", m -> capitalized(m.group(1))),
            rule("Ryzen\\s+Threadripper", m -> "Ryzen Threadripper"),
            rule("Ryzen\\s+([3579])\\b", m -> "Ryzen " + m.group(1)),
            rule("\\b(EPYC|Athlon)\\b", m -> m.group(1).equalsIgnoreCase("epyc") ? "EPYC" : "Athlon"),
            rule("Hygon\\s+C86", m -> "Hygon C86"),
            rule("\\b(KX|KH)-U?(\\d)(\\d+)", m -> m.group(1).toUpperCase(Locale.ROOT) + "-" + m.group(2)
                    + "0".repeat(m.group(3).length())),
            rule("\\bFT-?(\\d)\\d{3}", m -> "FT-" + m.group(1) + "000"),
            rule("\\b([DSE])(\\d)\\d{3}(?![0-9])", m -> m.group(1).toUpperCase(Locale.ROOT) + m.group(2) + "000"),
            rule("Loongson[-\\s]*(\\d[A-Z])", m -> "Loongson " + m.group(1).toUpperCase(Locale.ROOT)),
            rule("Kunpeng[-\\s]*(\\d+)", m -> "Kunpeng " + m.group(1)),
            rule("Kirin[-\\s]*(\\d+)", m -> "Kirin " + m.group(1)));

    private CpuFamily() {
    }

    /** The family of a CPU model string, or {@code null} when no rule knows it. */
    static String of(String model) {
        if (model == null) {
            return null;
        }
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(model);
            if (m.find()) {
                return rule.family().apply(m);
            }
        }
        return null;
    }

    /**
     * A readable vendor: CPUID strings are translated ({@code GenuineIntel} → {@code Intel}), other names kept, and
     * a missing vendor inferred from the model when it names one.
     */
    static String vendor(String reported, String model) {
        if (reported != null && !reported.isBlank()) {
            String known = CPUID_VENDORS.get(reported.strip().toLowerCase(Locale.ROOT));
            return known != null ? known : reported.strip();
        }
        if (model == null) {
            return null;
        }
        for (String vendor : List.of("Intel", "AMD", "Hygon", "Zhaoxin", "Phytium", "Loongson", "Kunpeng")) {
            if (model.toLowerCase(Locale.ROOT).contains(vendor.toLowerCase(Locale.ROOT))) {
                return vendor.equals("Kunpeng") ? "HiSilicon" : vendor;
            }
        }
        return null;
    }

    private static Rule rule(String regex, Function<Matcher, String> family) {
        return new Rule(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), family);
    }

    private static String capitalized(String word) {
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1).toLowerCase(Locale.ROOT);
    }
}
