package org.uepdeid.jobs.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.uepdeid.jobs.pii.PersonalDataCatalogue;

/**
 * What quarantine keeps of a bad line in place of its bytes (issue 8: raw lines beside their pseudonyms were a
 * re-identification table): enough for an operator to see what was wrong, no direct identifier.
 *
 * <p>A line that parses keeps its JSON without {@code device_id}, {@code ip}, serials, MACs, host and user names and
 * the wallpaper path, every value holding personal data or shaped like a device id masked. A line that does not
 * parse keeps its first {@value #MAX_CHARS} characters, every quoted or bare piece holding personal data or shaped
 * like a device id masked, and so is whatever follows an identifier key.
 */
final class QuarantineCopy {

    static final int MAX_CHARS = 4096;
    static final String MASK = PersonalDataCatalogue.REDACTED;

    /** The keys of direct identifiers, wherever they appear ({@code device.disks[].serial}, ...). */
    private static final Set<String> IDENTIFIERS = Set.of("device_id", "ip", "board_serial", "bios_serial", "serial",
            "mac", "hostname", "username", "wallpaper");
    /** Install ids, serials, UUIDs: a long run of letters, digits and separators with a digit in it. */
    private static final Pattern ID_SHAPED = Pattern.compile("(?=[^0-9]*[0-9])[0-9A-Za-z][0-9A-Za-z_.:-]{7,}");
    /** Outside quotes: the runs of a broken line that could hold a number or an id. */
    private static final Pattern BARE_RUN = Pattern.compile("[^\\s\"{}\\[\\],]+");

    private QuarantineCopy() {
    }

    /** The copy of a line that parsed as a JSON object. */
    static String of(JsonNode root) {
        List<String> names = new ArrayList<>();
        for (String name : List.of("username", "hostname")) {
            JsonNode value = root.path("system").path(name);
            if (value.isTextual()) {
                names.add(value.asText());
            }
        }
        JsonNode copy = root.deepCopy();
        scrub(copy, names);
        return cut(copy.toString());
    }

    /** The copy of a line that did not parse: its first characters, masked piece by piece. */
    static String ofText(byte[] line) {
        String text = new String(line, 0, Math.min(line.length, MAX_CHARS), StandardCharsets.UTF_8);
        String[] pieces = text.split("\"", -1);
        List<String> names = new ArrayList<>();
        // Not only odd pieces: a stray quote (the very defect that broke the line) shifts which pieces are quoted.
        for (int i = 2; i < pieces.length; i++) {
            if (valueOf(pieces, i, Set.of("username", "hostname"))) {
                names.add(pieces[i]);
            }
        }
        StringBuilder copy = new StringBuilder();
        for (int i = 0; i < pieces.length; i++) {
            boolean quoted = i % 2 == 1;
            String piece = pieces[i];
            if (valueOf(pieces, i, IDENTIFIERS) || quoted && isPersonal(piece, names)) {
                piece = MASK;
            } else if (!quoted) {
                piece = BARE_RUN.matcher(piece).replaceAll(run -> isPersonal(run.group(), names) ? MASK
                        : Matcher.quoteReplacement(run.group()));
            }
            copy.append(i == 0 ? "" : "\"").append(piece);
        }
        return cut(copy.toString());
    }

    /** Whether quoted piece {@code i} is the value of one of {@code keys}: {@code "key" : "value"}. */
    private static boolean valueOf(String[] pieces, int i, Set<String> keys) {
        return i >= 2 && keys.contains(pieces[i - 2]) && pieces[i - 1].strip().equals(":");
    }

    private static void scrub(JsonNode node, List<String> names) {
        if (node instanceof ObjectNode object) {
            List<String> drop = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (IDENTIFIERS.contains(field.getKey()) || isPersonal(field.getKey(), names)) {
                    drop.add(field.getKey());
                } else if (field.getValue().isValueNode() && isPersonal(field.getValue().asText(), names)) {
                    field.setValue(object.textNode(MASK));
                } else {
                    scrub(field.getValue(), names);
                }
            }
            object.remove(drop);
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isValueNode() && isPersonal(array.get(i).asText(), names)) {
                    array.set(i, array.textNode(MASK));
                } else {
                    scrub(array.get(i), names);
                }
            }
        }
    }

    private static boolean isPersonal(String text, List<String> names) {
        return ID_SHAPED.matcher(text).matches() || PersonalDataCatalogue.firstFoundIn(text, names).isPresent();
    }

    private static String cut(String copy) {
        return copy.length() <= MAX_CHARS ? copy : copy.substring(0, MAX_CHARS);
    }
}
