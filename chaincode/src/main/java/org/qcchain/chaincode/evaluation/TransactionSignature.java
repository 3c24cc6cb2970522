package org.qcchain.chaincode.evaluation;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import org.hyperledger.fabric.contract.ClientIdentity;
import org.qcchain.chaincode.model.SignedAccessRequest;

/**
 * When a consumer submits its own request, the transaction's creator signature already covers
 * it: the proposal carries the request as its argument, the peer (or the embedded ledger) checks
 * that signature before the chaincode runs, and it stays in the block for anyone to check again.
 * Such a request may then leave its own {@code signature} empty, which spares one signature
 * check per transaction (on every endorsing peer).
 *
 * <p>Only exactly then: the signature is empty, the transaction's creator is the request's
 * consumer, and the request names the creator's own certificate (the same bytes). A request
 * carried by anyone else, an operator's node included, must be signed itself.
 */
public final class TransactionSignature {

    private TransactionSignature() {}

    /** True if the transaction's creator signature authenticates {@code signed} (see above). */
    public static boolean covers(ClientIdentity creator, SignedAccessRequest signed, X509Certificate certificate) {
        if (signed.signature() != null && !signed.signature().isEmpty()) {
            return false;
        }
        if (!creator.getMSPID().equals(signed.request().consumerMspId())) {
            return false;
        }
        try {
            return Arrays.equals(creator.getX509Certificate().getEncoded(), certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            return false;
        }
    }
}
