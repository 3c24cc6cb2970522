package org.qcchain.ledger.embedded;

import java.util.Arrays;
import java.util.Objects;
import org.qcchain.common.crypto.Identity;

/**
 * A transaction proposal as the submitter signed it: the bytes of a Fabric {@code peer.Proposal}
 * (channel header with transaction id and timestamp, signature header with the creator's
 * serialized identity and nonce, chaincode invocation with function and arguments) and the
 * creator's signature over exactly those bytes, as in Fabric's {@code peer.SignedProposal}.
 *
 * <p>The ledger stores both unchanged, so anyone can check later who asked for what.
 *
 * <pre>{@code
 * SignedProposal proposal = SignedProposal.builder(bankIdentity, "BankMSP")
 *     .channel("qcchain").chaincode("qcchain")
 *     .function("Access:requestAccess").arguments(requestJson)
 *     .build();
 * }</pre>
 *
 * <p>A proposal built by {@link ProposalBuilder} in this process remembers the {@link Identity} that
 * signed it, so that a ledger in the same process can skip checking a signature it knows to be
 * good (see {@link ProposalVerifier}); the bytes and signature are the same either way, and the
 * ledger's {@code verify} checks every stored signature.
 *
 * <p>The one exception: a proposal the ledger's own node builds for that ledger ({@link
 * ProposalBuilder#buildForOwnLedger()}) carries an empty signature. The node signs every block, and
 * the block's header covers each transaction's hash, proposal included; a second signature by the
 * same key over the same proposal would prove nothing more. The ledger accepts such a proposal
 * only from its node, built in its process, and {@code verify} checks that each stored one names
 * the node as creator.
 *
 * <p>Immutable; byte arrays are copied in and out.
 */
public final class SignedProposal {

    private final byte[] proposalBytes;
    private final byte[] signature;
    private final Identity signedHereBy;

    private SignedProposal(byte[] proposalBytes, byte[] signature, Identity signedHereBy) {
        this.proposalBytes = proposalBytes.clone();
        this.signature = signature.clone();
        this.signedHereBy = signedHereBy;
    }

    /**
     * A proposal signed elsewhere (for instance in an HSM), from Fabric's encoding.
     *
     * @param proposalBytes the serialized {@code peer.Proposal}
     * @param signature the creator's DER signature over {@code proposalBytes}
     */
    public static SignedProposal of(byte[] proposalBytes, byte[] signature) {
        Objects.requireNonNull(proposalBytes, "proposalBytes");
        Objects.requireNonNull(signature, "signature");
        if (proposalBytes.length == 0) {
            throw new IllegalArgumentException("proposalBytes must not be empty");
        }
        return new SignedProposal(proposalBytes, signature, null);
    }

    /** A proposal {@code identity} has just signed in this process ({@link ProposalBuilder}). */
    static SignedProposal signedHere(byte[] proposalBytes, Identity identity) {
        return new SignedProposal(proposalBytes, identity.sign(proposalBytes), identity);
    }

    /**
     * A proposal {@code node} has just built in this process for the ledger it runs, with an empty
     * signature: the node's block signature covers it ({@link ProposalBuilder#buildForOwnLedger()}).
     */
    static SignedProposal coveredByBlock(byte[] proposalBytes, Identity node) {
        return new SignedProposal(proposalBytes, new byte[0], node);
    }

    /** @return whether the proposal carries no signature of its own (a node's, covered by its block) */
    boolean coveredByBlock() {
        return signature.length == 0;
    }

    /**
     * A builder that signs with {@code identity} as a member of {@code mspId}.
     *
     * @param identity the submitter's certificate and private key
     * @param mspId the submitter's organisation
     */
    public static ProposalBuilder builder(Identity identity, String mspId) {
        return new ProposalBuilder(identity, mspId);
    }

    /** The serialized {@code peer.Proposal}. */
    public byte[] proposalBytes() {
        return proposalBytes.clone();
    }

    /**
     * The creator's signature over {@link #proposalBytes()}; empty for a transaction of the
     * ledger's own node, which the node's block signature covers.
     */
    public byte[] signature() {
        return signature.clone();
    }

    /**
     * The transaction id the proposal claims, without checking it; the ledger checks it against
     * nonce and creator.
     *
     * @throws IllegalArgumentException if the bytes are not a proposal
     */
    public String txId() {
        try {
            return ProposalCodec.decode(proposalBytes).proposal().txId();
        } catch (ProposalRejectedException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    byte[] proposalBytesUnsafe() {
        return proposalBytes;
    }

    byte[] signatureUnsafe() {
        return signature;
    }

    /** The identity that signed this proposal in this process, or {@code null} if it came from elsewhere. */
    Identity signedHereBy() {
        return signedHereBy;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedProposal that
                && Arrays.equals(proposalBytes, that.proposalBytes)
                && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(proposalBytes) + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "SignedProposal[" + proposalBytes.length + " bytes, signature " + signature.length
                + " bytes]";
    }
}
