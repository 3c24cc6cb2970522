package org.qcchain.common.command;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.qcchain.common.json.Json;

/**
 * A write an organisation asks for, as it signs it: the contract function, its arguments, the
 * organisation, a nonce and the time of signing. A node that is not the organisation's own carries
 * it to the ledger (docs/chaincode.md, "Relayed commands"); the chaincode runs the function for
 * {@code mspId} only if a certificate of that organisation signed these very bytes, recently, once.
 *
 * <p>The signature covers the canonical JSON (RFC 8785) of this record, {@link #signingBytes()}:
 *
 * <pre>{@code
 * {"args":["{\"consentId\":\"consent-7781\",\"reason\":\"moved away\"}"],
 *  "function":"Consents:revokeConsent","issuedAt":"2026-03-02T09:00:00.123Z",
 *  "mspId":"CitizenAppMSP","nonce":"9f1c2e4b7a3d4c5e8f0a1b2c3d4e5f60"}
 * }</pre>
 *
 * @param function the function to run, {@code Contract:function}, e.g. {@code Consents:grantConsent}
 * @param args its arguments exactly as the chaincode receives them; a JSON argument is its JSON text
 * @param mspId the organisation that acts, and whose CA issued the signing certificate
 * @param nonce 8 to 128 characters of {@code [A-Za-z0-9._:-]}, never used before by the organisation
 * @param issuedAt ISO-8601 instant of signing; must be near the transaction time
 */
public record Command(String function, List<String> args, String mspId, String nonce, String issuedAt) {

    /** Keeps an unmodifiable copy of the arguments; null entries are left for validation to name. */
    public Command {
        args = args == null ? null : Collections.unmodifiableList(new ArrayList<>(args));
    }

    /**
     * The bytes the organisation signs and the chaincode verifies.
     *
     * @return the RFC 8785 bytes of this command
     */
    public byte[] signingBytes() {
        return Json.canonicalBytes(this);
    }
}
