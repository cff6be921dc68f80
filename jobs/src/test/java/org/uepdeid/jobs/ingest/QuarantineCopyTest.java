package org.uepdeid.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What quarantine keeps of a line that does not parse: no identifier, whichever way the line is broken. */
class QuarantineCopyTest {

    @Test
    void aStrayQuoteDoesNotUnmaskTheIdentifiersAfterIt() {
        String broken = "{\"schema\":\"uep.v1\",\"device_id\":\"\"dev-0042-install-id\",\"ip\":\"203.0.113.7\","
                + "\"system\":{\"username\":\"zhou_wei\",\"hostname\":\"zhou_wei-pc\",\"theme\":\"zhou_wei dark\"";

        String copy = QuarantineCopy.ofText(broken.getBytes(StandardCharsets.UTF_8));

        assertThat(copy).doesNotContain("dev-0042", "203.0.113.7", "zhou_wei").contains("uep.v1", "schema");
    }

    @Test
    void keepsOnlyTheFirstFourKibibytes() {
        String longLine = "{\"diagnostics\":\"" + "x".repeat(10_000);

        assertThat(QuarantineCopy.ofText(longLine.getBytes(StandardCharsets.UTF_8))).hasSize(QuarantineCopy.MAX_CHARS);
    }
}
