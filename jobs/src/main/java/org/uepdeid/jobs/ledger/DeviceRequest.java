package org.uepdeid.jobs.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.uepdeid.jobs.config.ConfigException;
import org.uepdeid.jobs.config.DevicePseudonymizer;
import org.uepdeid.jobs.config.PseudonymKey;

/**
 * The devices an erasure or a consent revocation is for, as the operator named them: raw device ids (options or an
 * ids file) and pseudonyms. Raw ids are personal data, and a value given as a pseudonym may be a raw id passed by mistake, so no
 * message and no {@link #toString()} ever shows a value: errors name the option and the position instead.
 */
public final class DeviceRequest {

    /** What ingest writes: lowercase hex of HMAC-SHA256 ({@link DevicePseudonymizer}). */
    private static final Pattern PSEUDONYM = Pattern.compile("[0-9a-f]{64}");
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private final List<String> deviceIds;
    private final List<String> pseudonyms;

    private DeviceRequest(List<String> deviceIds, List<String> pseudonyms) {
        this.deviceIds = List.copyOf(deviceIds);
        this.pseudonyms = List.copyOf(pseudonyms);
    }

    /**
     * Validates what the operator gave.
     *
     * @param deviceIdOptions the values of each {@code --device-id}, as given
     * @param idsFile         a file of raw device ids, one a line, or null: surrounding whitespace is trimmed, blank
     *                        lines and lines starting with {@code #} are skipped
     * @param pseudonymOptions the values of each {@code --pseudonym}
     * @param purpose         what the devices are named for, in the message when none is: {@code erase}
     * @throws ConfigException (exit code 2) when no device is named, the file cannot be read or a value is malformed
     */
    public static DeviceRequest of(List<String> deviceIdOptions, Path idsFile, List<String> pseudonymOptions,
                                   String purpose) {
        List<String> deviceIds = new ArrayList<>();
        for (int i = 0; i < deviceIdOptions.size(); i++) {
            if (deviceIdOptions.get(i).isBlank()) {
                throw new ConfigException("the " + ordinal(i + 1) + " --device-id is blank");
            }
            deviceIds.add(deviceIdOptions.get(i));
        }
        if (idsFile != null) {
            deviceIds.addAll(idsIn(idsFile));
        }
        for (int i = 0; i < pseudonymOptions.size(); i++) {
            if (!PSEUDONYM.matcher(pseudonymOptions.get(i)).matches()) {
                throw new ConfigException("the " + ordinal(i + 1) + " --pseudonym is not 64 lowercase hex "
                        + "characters (a pseudonym as ingest writes it); give raw device ids with --device-id");
            }
        }
        if (deviceIds.isEmpty() && pseudonymOptions.isEmpty()) {
            throw new ConfigException("name the devices to " + purpose + ": --device-id ID, --ids-file FILE"
                    + (purpose.equals("erase") ? " or --pseudonym P" : "")
                    + (idsFile == null ? "" : " (" + idsFile + " holds no device id)"));
        }
        return new DeviceRequest(deviceIds, pseudonymOptions);
    }

    /** Whether raw device ids were given, which only the pseudonym key turns into pseudonyms. */
    public boolean hasDeviceIds() {
        return !deviceIds.isEmpty();
    }

    /**
     * The distinct pseudonyms of every named device, sorted; the raw ids go through the same HMAC as ingest.
     *
     * @param key resolved only when raw ids were given, so that a request by pseudonyms needs no key
     */
    public Set<String> pseudonyms(Supplier<PseudonymKey> key) {
        Set<String> all = new TreeSet<>(pseudonyms);
        if (hasDeviceIds()) {
            DevicePseudonymizer pseudonymizer = new DevicePseudonymizer(key.get());
            deviceIds.forEach(id -> all.add(pseudonymizer.pseudonym(id)));
        }
        return all;
    }

    @Override
    public String toString() {
        return "DeviceRequest[" + deviceIds.size() + " device id(s), " + pseudonyms.size() + " pseudonym(s)]";
    }

    /**
     * The raw device ids of an ids file ({@code --ids-file}): one a line, surrounding whitespace trimmed, blank lines
     * and lines starting with {@code #} skipped; errors name the file, never its content.
     */
    public static List<String> idsIn(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException("--ids-file: " + file + " does not exist");
        } catch (IOException e) {
            // The exception's own message could quote the file's content (a malformed-input position): never shown.
            throw new ConfigException("--ids-file: " + file + " cannot be read as UTF-8 text ("
                    + e.getClass().getSimpleName() + ")");
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = (i == 0 && lines.get(0).startsWith(BYTE_ORDER_MARK) ? lines.get(0).substring(1)
                    : lines.get(i)).strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                ids.add(line);
            }
        }
        return ids;
    }

    /** 1st, 2nd, 3rd, 4th, ..., 11th, 12th, 13th, ..., 21st. */
    public static String ordinal(int n) {
        int lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }
}
