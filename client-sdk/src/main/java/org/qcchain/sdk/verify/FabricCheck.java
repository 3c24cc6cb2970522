package org.qcchain.sdk.verify;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import org.qcchain.common.answer.FabricEvidence;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.fabric.Block;
import org.qcchain.common.fabric.ChaincodeAction;
import org.qcchain.common.fabric.ChaincodeActionPayload;
import org.qcchain.common.fabric.ChaincodeEvent;
import org.qcchain.common.fabric.ChaincodeHeaderExtension;
import org.qcchain.common.fabric.ChannelHeader;
import org.qcchain.common.fabric.Envelope;
import org.qcchain.common.fabric.FabricCodes;
import org.qcchain.common.fabric.FabricHashes;
import org.qcchain.common.fabric.Payload;
import org.qcchain.common.fabric.ProposalResponsePayload;
import org.qcchain.common.fabric.ProtoFormatException;
import org.qcchain.common.fabric.SignatureHeader;
import org.qcchain.common.fabric.Transaction;
import org.qcchain.common.fabric.TransactionAction;

/**
 * Checks that a transaction is valid on the trusted Fabric channel, from the block that holds it
 * and nothing but the trust anchors (docs/proof-format.md section 11, "Fabric evidence"), in this
 * order: the evidence is of the channel; the block is intact and orderer-signed ({@link
 * FabricBlockCheck}); the envelope at the index is the endorser transaction named, of the channel;
 * its id derives from nonce and creator; its creator signed it; it invoked the trusted chaincode
 * and its endorsements are of this proposal and satisfy the rule ({@link FabricEndorsementCheck});
 * the committing peer marked it VALID; the chaincode's status is below 400.
 */
final class FabricCheck {

    private static final HexFormat HEX = HexFormat.of();

    private final Signers signers;
    private final FabricTrust channel;
    private final FabricIdentities identities;
    private final FabricBlockCheck blocks;
    private final FabricEndorsementCheck endorsements;

    FabricCheck(Signers signers, TrustAnchors anchors, FabricTrust channel) {
        this.signers = signers;
        this.channel = channel;
        this.identities = new FabricIdentities(signers, anchors);
        this.blocks = new FabricBlockCheck(signers, identities, channel);
        this.endorsements = new FabricEndorsementCheck(signers, identities, channel);
    }

    TransactionCheck.Checked check(FabricEvidence evidence, String what) throws VerificationException {
        if (signers.suite() != CryptoSuite.P256_SHA256) {
            throw new VerificationException(VerificationFailure.SUITE_MISMATCH, what + " is Fabric evidence, which is "
                    + CryptoSuite.P256_SHA256 + "; this verifier's suite is " + signers.suite());
        }
        if (evidence.channel() == null || evidence.txId() == null || evidence.block() == null) {
            throw Trees.malformed(what + " needs channel, txId and block");
        }
        if (!channel.channel().equals(evidence.channel())) {
            throw channelMismatch(what + " is of channel '" + evidence.channel() + "', the trusted channel is '"
                    + channel.channel() + "'");
        }
        Block block = blocks.check(evidence.block(), what);
        String blockName = "block " + Long.toUnsignedString(block.header().number());
        int index = evidence.index();
        if (index < 0 || index >= block.data().size()) {
            throw notIncluded(what + ": " + blockName + " has " + block.data().size() + " envelopes, no index " + index);
        }
        String where = what + " (" + blockName + ", index " + index + ")";
        Envelope envelope = read(() -> Envelope.parse(block.data().get(index)), where);
        Payload payload = read(() -> Payload.parse(envelope.payload()), where);
        ChannelHeader header = read(() -> ChannelHeader.parse(payload.header().channelHeader()), where);
        if (header.type() != FabricCodes.ENDORSER_TRANSACTION || !evidence.txId().equals(header.txId())) {
            throw notIncluded(where + " holds transaction '" + header.txId() + "' of type " + header.type()
                    + ", not the endorser transaction '" + evidence.txId() + "'");
        }
        if (!channel.channel().equals(header.channelId())) {
            throw channelMismatch(where + ": the transaction is of channel '" + header.channelId() + "'");
        }
        SignatureHeader signer = read(() -> SignatureHeader.parse(payload.header().signatureHeader()), where);
        if (signer.nonce().length == 0 || header.epoch() != 0
                || !FabricHashes.transactionId(signer.nonce(), signer.creator()).equals(header.txId())) {
            throw invalid(where + ": the transaction id is not derived from its nonce and creator (or epoch is "
                    + "not 0); Fabric would mark it BAD_PROPOSAL_TXID");
        }
        Instant at = header.timestamp();
        if (at == null) {
            throw Trees.malformed(where + ": the channel header has no timestamp");
        }
        FabricIdentities.Member creator = identities.member(signer.creator(), null, at,
                VerificationFailure.CREATOR_SIGNATURE_INVALID, where + " creator");
        signers.requireSignature(creator.certificate(), envelope.payload(), envelope.signature(), true,
                VerificationFailure.CREATOR_SIGNATURE_INVALID, where + ": the creator's signature (" + creator.mspId()
                        + ")");
        Endorsed endorsed = endorsed(payload, header, where);
        endorsements.check(endorsed.actionPayload().action(), at, where);
        int code = block.metadata().get(FabricCodes.TRANSACTIONS_FILTER)[index] & 0xFF;
        if (code != FabricCodes.VALID) {
            throw invalid(where + ": the committing peer marked the transaction " + FabricCodes.validationCodeName(code));
        }
        if (endorsed.action().response().status() >= 400) {
            throw invalid(where + ": the chaincode answered status " + endorsed.action().response().status());
        }
        LedgerPosition position = new LedgerPosition(header.txId(), block.header().number(),
                HEX.formatHex(block.header().hash()), index);
        return new TransactionCheck.Checked(position, endorsed.action().response().payload(), endorsed.eventName());
    }

    /** The endorsed part of an endorser transaction, after its structure and chaincode are checked. */
    private record Endorsed(ChaincodeActionPayload actionPayload, ChaincodeAction action, String eventName) {}

    private Endorsed endorsed(Payload payload, ChannelHeader header, String where) throws VerificationException {
        Transaction transaction = read(() -> Transaction.parse(payload.data()), where);
        if (transaction.actions().size() != 1) {
            throw invalid(where + " has " + transaction.actions().size() + " actions; Fabric accepts exactly one");
        }
        TransactionAction action = transaction.actions().get(0);
        if (!Arrays.equals(action.header(), payload.header().signatureHeader())) {
            throw invalid(where + ": the action's signature header is not the transaction's");
        }
        ChaincodeActionPayload actionPayload = read(() -> ChaincodeActionPayload.parse(action.payload()), where);
        ProposalResponsePayload response = read(() -> ProposalResponsePayload.parse(
                actionPayload.action().proposalResponsePayload()), where);
        byte[] proposalHash = FabricHashes.proposalHash(payload.header().channelHeader(), action.header(),
                actionPayload.chaincodeProposalPayload());
        if (!MessageDigest.isEqual(proposalHash, response.proposalHash())) {
            throw invalid(where + ": the endorsed response is for another proposal; Fabric would mark it "
                    + "INVALID_ENDORSER_TRANSACTION");
        }
        ChaincodeAction chaincodeAction = read(() -> ChaincodeAction.parse(response.extension()), where);
        String invoked = read(() -> ChaincodeHeaderExtension.parse(header.extension()), where).chaincodeId().name();
        ChaincodeEvent event = chaincodeAction.events().length == 0 ? null
                : read(() -> ChaincodeEvent.parse(chaincodeAction.events()), where);
        if (!channel.chaincode().equals(invoked) || !channel.chaincode().equals(chaincodeAction.chaincodeId().name())
                || event != null && !channel.chaincode().equals(event.chaincodeId())) {
            throw new VerificationException(VerificationFailure.CHAINCODE_MISMATCH, where + " invoked chaincode '"
                    + invoked + "' answered by '" + chaincodeAction.chaincodeId().name() + "'; the trusted chaincode is '"
                    + channel.chaincode() + "'");
        }
        return new Endorsed(actionPayload, chaincodeAction, event == null ? null : event.eventName());
    }

    /** A parse step whose failure is {@code MALFORMED}. */
    private interface Parse<T> {
        T run() throws ProtoFormatException;
    }

    private static <T> T read(Parse<T> parse, String where) throws VerificationException {
        try {
            return parse.run();
        } catch (ProtoFormatException e) {
            throw Trees.malformed(where + ": " + e.getMessage());
        }
    }

    private static VerificationException notIncluded(String detail) {
        return new VerificationException(VerificationFailure.BLOCK_TRANSACTION_NOT_INCLUDED, detail);
    }

    private static VerificationException channelMismatch(String detail) {
        return new VerificationException(VerificationFailure.CHANNEL_MISMATCH, detail);
    }

    private static VerificationException invalid(String detail) {
        return new VerificationException(VerificationFailure.TRANSACTION_INVALID, detail);
    }
}
