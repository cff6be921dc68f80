package org.uepdeid.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DevicePseudonymizerTest {

    private static final PseudonymKey KEY = PseudonymKey.fromEnvironment("key-one-0123456789abcdef0123456789ab");
    private static final PseudonymKey OTHER_KEY = PseudonymKey.fromEnvironment("key-two-0123456789abcdef0123456789ab");

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
        // printf 'dev-0001' | openssl dgst -sha256 -hmac 'key-one-0123456789abcdef0123456789ab'
        assertThat(new DevicePseudonymizer(KEY).pseudonym("dev-0001"))
                .isEqualTo("469c6938fa0c093b234d88cecf931505c409cb550ecbbd1b211b2c8e2396252b");
    }
}
