package org.uepdeid.jobs.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.uepdeid.jobs.pii.PersonalDataCatalogue;

/**
 * Makes the text of an event's payload fit to be published before any of it is read into staging (issue 8): every
 * string that can reach a published output (in {@code device}, {@code system}, {@code app}, {@code download}: app ids
 * and versions, setting keys and values, os_version, edition, language, kernel, any field added later) that holds
 * personal data of the {@link PersonalDataCatalogue}, or the event's own user or host name, becomes
 * {@link PersonalDataCatalogue#REDACTED}; a setting whose key holds some is dropped. Then the labels the statistics
 * publish as dimensions must have their format, or become {@link #OTHER}: os_version digits and dots, language
 * {@code ll} or {@code ll_CC}, app ids reverse-DNS.
 *
 * <p>The fields staging drops or reduces to a category (serials, MACs, host and user names, the wallpaper path,
 * mounts) and dates are left as they are: they are never published, and the wallpaper's category needs its path.
 */
final class PublishableText {

    /** What a dimension label outside its format is published as. */
    static final String OTHER = "other";

    private static final List<String> PAYLOADS = List.of("device", "system", "app", "download");
    private static final Set<String> NOT_PUBLISHED = Set.of("device.board_serial", "device.bios_serial",
            "device.bios_date", "device.disks[].serial", "device.nics[].mac", "device.partitions[].mount",
            "system.hostname", "system.username", "system.wallpaper", "system.last_update", "app.start", "app.exit");
    private static final Map<String, Pattern> LABEL_FORMATS = Map.of(
            "system.os_version", Pattern.compile("[0-9]+(?:\\.[0-9]+)*"),
            "system.language", Pattern.compile("[a-z]{2}(?:_[A-Z]{2})?"),
            "app.id", Pattern.compile("[A-Za-z][A-Za-z0-9_-]*(?:\\.[A-Za-z0-9][A-Za-z0-9_-]*)+"),
            "download.app_id", Pattern.compile("[A-Za-z][A-Za-z0-9_-]*(?:\\.[A-Za-z0-9][A-Za-z0-9_-]*)+"));

    private PublishableText() {
    }

    /**
     * Redacts {@code event}'s payload in place and returns the path of each value redacted (a setting's key that was
     * redacted counts as {@code <object path>.<key>}), never a value.
     */
    static List<String> redact(ObjectNode event) {
        List<String> names = new ArrayList<>();
        JsonNode system = event.path("system");
        for (String name : List.of("username", "hostname")) {
            if (system.path(name).isTextual()) {
                names.add(system.path(name).asText());
            }
        }
        List<String> redacted = new ArrayList<>();
        for (String payload : PAYLOADS) {
            if (event.get(payload) instanceof ObjectNode object) {
                redactObject(object, payload, names, redacted);
            }
        }
        return redacted;
    }

    /** {@code pattern} is the object's path with array positions as {@code []}: {@code device.disks[]}. */
    private static void redactObject(ObjectNode object, String pattern, List<String> names, List<String> redacted) {
        List<String> badKeys = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String fieldPattern = pattern + "." + field.getKey();
            if (NOT_PUBLISHED.contains(fieldPattern)) {
                continue;
            }
            if (PersonalDataCatalogue.firstFoundIn(field.getKey(), names).isPresent()) {
                badKeys.add(field.getKey());
                continue;
            }
            JsonNode value = field.getValue();
            if (value instanceof ObjectNode nested) {
                redactObject(nested, fieldPattern, names, redacted);
            } else if (value.isArray()) {
                for (JsonNode item : value) {
                    if (item instanceof ObjectNode itemObject) {
                        redactObject(itemObject, fieldPattern + "[]", names, redacted);
                    }
                }
            } else if (value.isTextual() || value.isNumber()) {
                // A number is published as its text (a setting's value), so it is looked at as text too.
                String text = value.asText();
                if (PersonalDataCatalogue.firstFoundIn(text, names).isPresent()) {
                    field.setValue(object.textNode(PersonalDataCatalogue.REDACTED));
                    redacted.add(fieldPattern);
                    text = PersonalDataCatalogue.REDACTED;
                }
                Pattern format = LABEL_FORMATS.get(fieldPattern);
                if (format != null && !format.matcher(text).matches()) {
                    field.setValue(object.textNode(OTHER));
                }
            }
        }
        for (String key : badKeys) {
            object.remove(key);
            redacted.add(pattern + ".<key>");
        }
    }
}
