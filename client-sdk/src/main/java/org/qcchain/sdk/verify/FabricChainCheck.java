package org.qcchain.sdk.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HexFormat;
import java.util.List;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.fabric.Block;
import org.qcchain.common.fabric.ChannelHeader;
import org.qcchain.common.fabric.Envelope;
import org.qcchain.common.fabric.FabricCodes;
import org.qcchain.common.fabric.Payload;
import org.qcchain.common.fabric.ProtoFormatException;

/**
 * A stretch of a Fabric channel's chain as a node serves it ({@code GET /v1/blocks/{n}}: {@code
 * {ledger: "fabric", number, hash, previousHash, dataHash, transactions, block}}), checked from the
 * {@code common.Block} bytes alone: the number is the next one; the envelopes hash to the header's
 * data hash; every block but the channel's genesis block is signed by an orderer of a trusted
 * orderer organisation ({@link FabricBlockCheck}); the header's {@code previous_hash} is the DER
 * header hash of the block before ({@code protoutil.BlockHeaderHash}); the served number, hashes
 * and transaction list are the block's own; and each envelope's channel header names the trusted
 * channel. The genesis block (made by {@code configtxgen}, signed by no orderer) is vouched for by
 * block 1, whose orderer-signed header names its hash.
 */
final class FabricChainCheck {

    private static final HexFormat HEX = HexFormat.of();

    private final FabricTrust channel;
    private final FabricBlockCheck blocks;

    FabricChainCheck(Signers signers, TrustAnchors anchors, FabricTrust channel) {
        this.channel = channel;
        this.blocks = new FabricBlockCheck(signers, new FabricIdentities(signers, anchors), channel);
    }

    static boolean isFabric(JsonNode block) {
        return "fabric".equals(block.path("ledger").asText());
    }

    ChainReport verify(List<JsonNode> served, String previousHash, CryptoSuite suite)
            throws ChainVerificationException {
        long first = served.isEmpty() ? 0 : served.get(0).path("number").asLong(0);
        if (suite != CryptoSuite.P256_SHA256) {
            throw new ChainVerificationException(first, VerificationFailure.SUITE_MISMATCH, "a Fabric channel is "
                    + CryptoSuite.P256_SHA256 + "; this verifier's suite is " + suite);
        }
        String previous = previousHash;
        long number = first;
        long transactions = 0;
        for (JsonNode block : served) {
            try {
                Block parsed = check(block, number, previous);
                previous = HEX.formatHex(parsed.header().hash());
                transactions += parsed.data().size();
            } catch (VerificationException e) {
                throw new ChainVerificationException(number, e.failure(), e.getMessage());
            }
            number++;
        }
        return new ChainReport(first, number - 1, previous, transactions);
    }

    private Block check(JsonNode served, long number, String previous) throws VerificationException {
        if (!isFabric(served)) {
            throw Trees.malformed("a block of another ledger in a Fabric chain");
        }
        String base64 = Trees.text(served, "block", "block");
        Block block = number == 0 ? blocks.intact(base64, "block") : blocks.check(base64, "block");
        if (block.header().number() != number || Trees.integer(served, "number", "block") != number) {
            throw new VerificationException(VerificationFailure.BLOCK_HASH_LINK_BROKEN, "expected block " + number
                    + ", got block " + Long.toUnsignedString(block.header().number()));
        }
        String previousHash = HEX.formatHex(block.header().previousHash());
        if (previous != null && !previous.equals(previousHash)) {
            throw new VerificationException(VerificationFailure.BLOCK_HASH_LINK_BROKEN,
                    "previous_hash is not the header hash of block " + (number - 1));
        }
        if (!HEX.formatHex(block.header().hash()).equals(served.path("hash").asText())
                || !previousHash.equals(served.path("previousHash").asText())
                || !HEX.formatHex(block.header().dataHash()).equals(served.path("dataHash").asText())) {
            throw new VerificationException(VerificationFailure.BLOCK_HASH_LINK_BROKEN,
                    "the hashes served with the block are not those of its header");
        }
        transactions(served.path("transactions"), block);
        return block;
    }

    /** The served list is the block's envelopes: same ids and codes, in order, all of the trusted channel. */
    private void transactions(JsonNode listed, Block block) throws VerificationException {
        byte[] filter = block.metadata().get(FabricCodes.TRANSACTIONS_FILTER);
        if (!listed.isArray() || listed.size() != block.data().size()) {
            throw listedWrongly("the block has " + block.data().size() + " envelopes, " + listed.size() + " are listed");
        }
        for (int i = 0; i < block.data().size(); i++) {
            ChannelHeader header;
            try {
                header = ChannelHeader.parse(Payload.parse(Envelope.parse(block.data().get(i)).payload()).header()
                        .channelHeader());
            } catch (ProtoFormatException e) {
                // the node lists an envelope it cannot read with an empty id; so does this check
                header = null;
            }
            JsonNode tx = listed.get(i);
            String txId = header == null ? "" : header.txId();
            if (tx.path("index").asInt(-1) != i || !txId.equals(tx.path("txId").asText())
                    || !FabricCodes.validationCodeName(filter[i] & 0xFF).equals(tx.path("validationCode").asText())) {
                throw listedWrongly("transaction " + i + " is listed with another id, index or validation code"
                        + " than the block holds");
            }
            if (header != null && !channel.channel().equals(header.channelId())) {
                throw new VerificationException(VerificationFailure.CHANNEL_MISMATCH, "transaction " + i
                        + " is of channel '" + header.channelId() + "', the trusted channel is '" + channel.channel()
                        + "'");
            }
        }
    }

    private static VerificationException listedWrongly(String detail) {
        return new VerificationException(VerificationFailure.BLOCK_TRANSACTIONS_ROOT_MISMATCH, detail);
    }
}
