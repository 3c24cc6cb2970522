package org.qcchain.sdk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.Objects;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.Json;
import org.qcchain.sdk.internal.SignerCertificates;

/**
 * A signed data request: the chaincode's {@code SignedAccessRequest} {@code {request, certificate,
 * signature}}. Good for one use: the ledger spends its nonce. The signature is checked against the
 * certificate here, so a bad HSM signature fails before it reaches the node.
 *
 * <pre>{@code
 * byte[] signature = hsm.sign(request.bytesToSign());
 * SignedDataRequest signed = SignedDataRequest.of(request, certificatePem, signature);
 * }</pre>
 */
public final class SignedDataRequest {

    private final DataRequest request;
    private final String certificatePem;
    private final byte[] signature;
    private final CryptoSuite suite;

    private SignedDataRequest(DataRequest request, String certificatePem, byte[] signature, CryptoSuite suite) {
        this.request = request;
        this.certificatePem = certificatePem;
        this.signature = signature;
        this.suite = suite;
    }

    /**
     * Joins a request and a signature made elsewhere.
     *
     * @param request the request that was signed
     * @param certificatePem the signer's PEM certificate
     * @param signature DER signature over {@link DataRequest#bytesToSign()}
     * @return the signed request
     * @throws IllegalArgumentException if the certificate is unreadable or the signature does not verify
     */
    public static SignedDataRequest of(DataRequest request, String certificatePem, byte[] signature) {
        Objects.requireNonNull(request, "request");
        CryptoSuite suite = SignerCertificates.requireSignature(certificatePem, request.bytesToSign(), signature,
                "request");
        return new SignedDataRequest(request, certificatePem, signature.clone(), suite);
    }

    /** @return the request */
    public DataRequest request() {
        return request;
    }

    /** @return the hash the node's answer and the access record must carry (suite of the signer) */
    public byte[] requestHash() {
        return request.digest(suite);
    }

    /** @return the SignedAccessRequest JSON object the node and chaincode expect */
    public ObjectNode toJson() {
        ObjectNode json = Json.mapper().createObjectNode();
        json.set("request", request.toJson());
        json.put("certificate", certificatePem).put("signature", Base64.getEncoder().encodeToString(signature));
        return json;
    }

    @Override
    public String toString() {
        return "SignedDataRequest[" + request + "]";
    }
}
