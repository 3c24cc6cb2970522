package org.qcchain.sdk.examples.synthetic;

import java.nio.charset.StandardCharsets;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.qcchain.common.crypto.Identity;

/**
 * A member of a Fabric organisation: its MSP id and its identity (certificate and key), serialized
 * as Fabric serializes creators, endorsers and orderers.
 *
 * @param mspId the organisation
 * @param identity the member's certificate and private key
 */
public record FabricMember(String mspId, Identity identity) {

    /** @return the {@code msp.SerializedIdentity} bytes: MSP id and PEM certificate */
    public byte[] serialized() {
        return SerializedIdentity.newBuilder().setMspid(mspId)
                .setIdBytes(com.google.protobuf.ByteString.copyFrom(identity.certificatePem(), StandardCharsets.UTF_8))
                .build().toByteArray();
    }

    /** @return a low-S DER ECDSA P-256 signature over SHA-256 of {@code data}, as Fabric's signers make */
    public byte[] sign(byte[] data) {
        return identity.sign(data);
    }
}
