package org.uepdeid.jobs.release;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.uepdeid.anonymizer.input.DocumentNode;

/**
 * Who may receive a published output. Policy Part I §3.2 lets the company share statistical products with its
 * affiliates; everything else — the per-device microdata above all — is for the company's own analysts.
 */
public enum Audience {
    /** The company's own analysts. */
    INTERNAL,
    /** Affiliates too: only what {@code share} may package. */
    AFFILIATES;

    /** The word manifests and the config use. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The audience spelled {@code word}, or empty when none is. */
    public static Optional<Audience> of(String word) {
        return Arrays.stream(values()).filter(a -> a.word().equals(word)).findFirst();
    }

    /**
     * The audience a config or document names at {@code node}.
     *
     * @throws org.uepdeid.anonymizer.input.DocumentException naming the file, the key and the value when it names none
     */
    public static Audience read(DocumentNode node) {
        return of(node.text()).orElseThrow(() -> node.invalid("must be one of "
                + String.join(", ", Arrays.stream(values()).map(Audience::word).toList())));
    }
}
