package org.uepdeid.jobs.ledger;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options that name devices by raw id, for the commands that record them in a ledger ({@code erase},
 * {@code consent revoke}): {@code --device-id ID} (repeatable) and {@code --ids-file FILE}.
 */
public final class DeviceOptions {

    @Option(names = "--device-id", paramLabel = "ID", description = "A raw device id (repeatable).")
    List<String> deviceIds = new ArrayList<>();

    @Option(names = "--ids-file", paramLabel = "FILE",
            description = "A file of raw device ids, one a line; blank lines and lines starting with # are skipped.")
    Path idsFile;

    /** The devices named, with {@code pseudonyms} named otherwise; {@code purpose} words the error when none is. */
    public DeviceRequest request(List<String> pseudonyms, String purpose) {
        return DeviceRequest.of(deviceIds, idsFile, pseudonyms, purpose);
    }
}
