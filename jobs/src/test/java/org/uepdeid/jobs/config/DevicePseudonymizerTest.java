package org.uepdeid.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DevicePseudonymizerTest {

    private static final PseudonymKey KEY = PseudonymKey.fromEnvironment("11".repeat(32));
    private static final PseudonymKey OTHER_KEY = PseudonymKey.fromEnvironment("22".repeat(32));

    @Test
    void isDeterministicForOneKey() {
        assertThat(new DevicePseudonymizer(KEY).pseudonym("dev-0001"))
                .isEqualTo(new DevicePseudonymizer(KEY).pseudonym("dev-0001"))
                .matches("[0-9a-f]{64}");
    }

    @Test
    void dependsOnTheKeyAndTheDevice() {
        DevicePseudonymizer pseudonymizer = new DevicePseudonymizer(KEY);

        assertThat(pseudonymizer.pseudonym("dev-0001"))
                .isNotEqualTo(new DevicePseudonymizer(OTHER_KEY).pseudonym("dev-0001"))
                .isNotEqualTo(pseudonymizer.pseudonym("dev-0002"));
    }

    @Test
    void isTheDocumentedHmac() {
        // An erase tool in another language must find the same pseudonym; the vector comes from
        // printf 'dev-0001' | openssl dgst -sha256 -mac HMAC -macopt hexkey:1111...11 (the key's 64 hex digits)
        assertThat(new DevicePseudonymizer(KEY).pseudonym("dev-0001"))
                .isEqualTo("492f16e194af75e6df57773c2667af4b4a77f0cb7a5bb5ed3e28a053de4f335d");
    }
}
