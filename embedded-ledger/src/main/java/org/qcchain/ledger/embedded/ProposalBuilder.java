package org.qcchain.ledger.embedded;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.qcchain.common.crypto.Identity;
import org.qcchain.simulator.Identities;
import org.qcchain.simulator.Proposal;

/**
 * Builds and signs a {@link SignedProposal} for an identity, as a Fabric client SDK does: a fresh
 * 24-byte nonce, the transaction id derived from nonce and creator, the current time unless set.
 * Get one from {@link SignedProposal#builder(Identity, String)}. Not thread-safe; cheap to create.
 */
public final class ProposalBuilder {

    private final Identity identity;
    private final String mspId;
    private String channel;
    private String chaincode;
    private String function;
    private final List<byte[]> arguments = new ArrayList<>();
    private Instant timestamp;
    private byte[] nonce;
    private boolean init;

    ProposalBuilder(Identity identity, String mspId) {
        this.identity = Objects.requireNonNull(identity, "identity");
        this.mspId = Objects.requireNonNull(mspId, "mspId");
        if (mspId.isBlank()) {
            throw new IllegalArgumentException("mspId must not be blank");
        }
    }

    /** The channel; the ledger's channel name. */
    public ProposalBuilder channel(String channel) {
        this.channel = Objects.requireNonNull(channel, "channel");
        return this;
    }

    /** The chaincode; the ledger's chaincode name. */
    public ProposalBuilder chaincode(String chaincode) {
        this.chaincode = Objects.requireNonNull(chaincode, "chaincode");
        return this;
    }

    /** The transaction function, e.g. {@code "Access:requestAccess"}. */
    public ProposalBuilder function(String function) {
        this.function = Objects.requireNonNull(function, "function");
        return this;
    }

    /** Appends arguments, each encoded as UTF-8. */
    public ProposalBuilder arguments(String... arguments) {
        for (String argument : Objects.requireNonNull(arguments, "arguments")) {
            this.arguments.add(Objects.requireNonNull(argument, "argument").getBytes(UTF_8));
        }
        return this;
    }

    /** Appends one binary argument. */
    public ProposalBuilder argument(byte[] argument) {
        arguments.add(Objects.requireNonNull(argument, "argument").clone());
        return this;
    }

    /** The transaction time the chaincode sees; now unless set. */
    public ProposalBuilder timestamp(Instant timestamp) {
        this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
        return this;
    }

    /** The nonce; a fresh random one unless set. Reusing a nonce reuses the transaction id. */
    public ProposalBuilder nonce(byte[] nonce) {
        this.nonce = Objects.requireNonNull(nonce, "nonce").clone();
        return this;
    }

    /** Whether to call the chaincode's init ({@code ChaincodeInput.is_init}); false unless set. */
    public ProposalBuilder init(boolean init) {
        this.init = init;
        return this;
    }

    /**
     * Encodes and signs the proposal.
     *
     * @throws NullPointerException naming a missing part (channel, chaincode, function)
     */
    public SignedProposal build() {
        byte[] bytes = encode();
        return SignedProposal.signedHere(bytes, identity);
    }

    /**
     * Encodes the proposal of a ledger's own node to that ledger, without a signature of its own:
     * the node's signature of the block that takes the transaction covers it (docs/ledger.md,
     * "Transactions of the node"). The ledger accepts it only from its node's identity, built in
     * its process; anything else without a signature is refused.
     *
     * @throws NullPointerException naming a missing part (channel, chaincode, function)
     */
    public SignedProposal buildForOwnLedger() {
        return SignedProposal.coveredByBlock(encode(), identity);
    }

    private byte[] encode() {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(chaincode, "chaincode");
        Objects.requireNonNull(function, "function");
        List<byte[]> args = new ArrayList<>(arguments.size() + 1);
        args.add(function.getBytes(UTF_8));
        args.addAll(arguments);
        byte[] usedNonce = nonce == null ? Proposal.randomNonce() : nonce;
        Proposal proposal = Proposal.builder()
                .channelId(channel)
                .chaincodeName(chaincode)
                .creator(creator(mspId, identity))
                .nonce(usedNonce)
                .timestamp(timestamp == null ? Instant.now() : timestamp)
                .args(args)
                .init(init)
                .build();
        return ProposalCodec.encode(proposal, usedNonce);
    }

    /** The creator bytes last built, for the same certificate object and MSP id. */
    private record Creator(X509Certificate certificate, String mspId, byte[] bytes) {}

    private static volatile Creator lastCreator;

    /**
     * The serialized identity of the submitter: a node submits thousands of proposals as the same
     * identity, and writing its certificate as PEM and encoding it was measurable per request.
     * Only the very same certificate object counts as the same.
     */
    private static byte[] creator(String mspId, Identity identity) {
        Creator last = lastCreator;
        if (last == null || last.certificate() != identity.certificate() || !last.mspId().equals(mspId)) {
            last = new Creator(identity.certificate(), mspId,
                    Identities.serializedIdentity(mspId, identity.certificatePem()));
            lastCreator = last;
        }
        return last.bytes().clone();
    }
}
