package org.qcchain.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qcchain.chaincode.model.AccessRecord;
import org.qcchain.chaincode.model.ConsentStatusChange;
import org.qcchain.chaincode.model.Decision;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.Json;

/**
 * Simulations read hot keys through the {@link StateCache}: a key a later block rewrites must be
 * read with its new value, or a revoked consent would still grant data.
 */
class CachedReadsTest {

    @TempDir
    Path folder;

    @Test
    void a_request_after_a_revocation_sees_the_revoked_consent() {
        TestPlatform platform = new TestPlatform(CryptoSuite.P256_SHA256);
        try (EmbeddedLedger ledger = platform.open(folder)) {
            Scenario.ready(platform, ledger);
            // twice: a key is taken into the cache when it is read the second time
            for (int i = 0; i < 2; i++) {
                assertThat(decision(platform, ledger).decision()).isEqualTo(Decision.GRANTED);
            }

            platform.commit(ledger, platform.citizenApp, "Consents:revokeConsent",
                    Json.write(new ConsentStatusChange(Scenario.CONSENT, "withdrawn in the app")));

            AccessRecord after = decision(platform, ledger);
            assertThat(after.decision()).isEqualTo(Decision.DENIED);
            assertThat(after.reasonCode()).isEqualTo("CONSENT_REVOKED");
        }
    }

    private static AccessRecord decision(TestPlatform platform, EmbeddedLedger ledger) {
        CommitResult result = platform.commit(ledger, platform.bank, "Access:requestAccess",
                Scenario.signedRequest(platform, Scenario.CONSENT, Scenario.SUBJECT));
        return Json.parse(result.payloadAsString(), AccessRecord.class);
    }
}
