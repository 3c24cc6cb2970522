package org.qcchain.sdk.verify;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.qcchain.common.fabric.Block;
import org.qcchain.common.fabric.FabricCodes;
import org.qcchain.common.fabric.Metadata;
import org.qcchain.common.fabric.MetadataSignature;
import org.qcchain.common.fabric.ProtoFormatException;
import org.qcchain.common.fabric.SignatureHeader;

/**
 * The block-level checks of Fabric evidence: the block parses, its envelopes hash to the header's
 * data hash, and an orderer node of a trusted orderer organisation signed the header (Fabric 2.5's
 * {@code BlockValidation} policy {@code OR('<Org>.orderer', ...)}: one valid signature suffices,
 * others are ignored as Fabric ignores them).
 */
final class FabricBlockCheck {

    private static final HexFormat HEX = HexFormat.of();

    private final Signers signers;
    private final FabricIdentities identities;
    private final FabricTrust channel;

    FabricBlockCheck(Signers signers, FabricIdentities identities, FabricTrust channel) {
        this.signers = signers;
        this.identities = identities;
        this.channel = channel;
    }

    /** Parses the base64 block; returns it only if it is intact and signed by a trusted orderer. */
    Block check(String base64, String what) throws VerificationException {
        Block block = intact(base64, what);
        try {
            ordererSignature(block, block.metadata(FabricCodes.SIGNATURES), what);
        } catch (ProtoFormatException e) {
            throw Trees.malformed(what + ".block is not a Fabric block: " + e.getMessage());
        }
        return block;
    }

    /**
     * Parses the base64 block; returns it if it is well formed and its envelopes hash to its data
     * hash, whoever signed it (a channel's genesis block is signed by no orderer).
     */
    Block intact(String base64, String what) throws VerificationException {
        Block block;
        try {
            block = Block.parse(Base64.getDecoder().decode(base64));
            block.metadata(FabricCodes.SIGNATURES);
            if (block.metadata().size() <= FabricCodes.TRANSACTIONS_FILTER
                    || block.metadata().get(FabricCodes.TRANSACTIONS_FILTER).length != block.data().size()) {
                throw new ProtoFormatException("the transactions filter does not have one code per envelope");
            }
        } catch (IllegalArgumentException e) {
            throw Trees.malformed(what + ".block is not base64");
        } catch (ProtoFormatException e) {
            throw Trees.malformed(what + ".block is not a Fabric block: " + e.getMessage());
        }
        long number = block.header().number();
        if (!MessageDigest.isEqual(block.header().dataHash(), block.computedDataHash())) {
            throw new VerificationException(VerificationFailure.BLOCK_DATA_HASH_MISMATCH, what + ": the envelopes of "
                    + "block " + Long.toUnsignedString(number) + " hash to " + HEX.formatHex(block.computedDataHash())
                    + ", its header says " + HEX.formatHex(block.header().dataHash()));
        }
        return block;
    }

    private void ordererSignature(Block block, Metadata signatures, String what) throws VerificationException {
        String blockName = what + ": block " + Long.toUnsignedString(block.header().number());
        VerificationException last = null;
        int byConsenterId = 0;
        for (MetadataSignature signature : signatures.signatures()) {
            if (signature.byConsenterId()) {
                byConsenterId++;
                continue;
            }
            SignatureHeader header;
            try {
                header = SignatureHeader.parse(signature.signatureHeader());
            } catch (ProtoFormatException e) {
                throw Trees.malformed(blockName + " has a malformed signature header: " + e.getMessage());
            }
            try {
                FabricIdentities.Member orderer = identities.member(header.creator(), channel.ordererRole(), null,
                        VerificationFailure.ORDERER_SIGNATURE_INVALID, blockName + ", signer");
                if (!channel.ordererOrganisations().contains(orderer.mspId())) {
                    throw new VerificationException(VerificationFailure.ORDERER_SIGNATURE_INVALID, blockName
                            + ", signer of " + orderer.mspId() + ", not an orderer organisation "
                            + channel.ordererOrganisations());
                }
                signers.requireSignature(orderer.certificate(), signature.signedBytes(signatures.value(),
                        block.header()), signature.signature(), true, VerificationFailure.ORDERER_SIGNATURE_INVALID,
                        blockName + ", the orderer's signature");
                return;
            } catch (VerificationException e) {
                if (e.failure() != VerificationFailure.ORDERER_SIGNATURE_INVALID) {
                    throw e;
                }
                last = e;
            }
        }
        if (last != null) {
            throw last;
        }
        throw new VerificationException(VerificationFailure.ORDERER_SIGNATURE_INVALID, blockName
                + " carries no orderer signature" + (byConsenterId == 0 ? ""
                        : " this verifier can resolve (" + byConsenterId + " BFT signatures by consenter id, whose "
                                + "identities only the channel configuration holds)"));
    }
}
