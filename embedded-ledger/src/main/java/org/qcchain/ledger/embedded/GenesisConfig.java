package org.qcchain.ledger.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.CanonicalJson;
import org.qcchain.common.json.Json;

/**
 * What block 0 carries: the ledger's channel and chaincode, its crypto suite, the certificate
 * of the node that signs every block, and the channel membership (organisations and their CAs)
 * that every proposal's creator is checked against until a config block changes it. A verifier trusts this certificate (pinned out of band, e.g.
 * by its fingerprint) and checks everything else against it.
 *
 * @param formatVersion the block format version, 2 (1 had no membership and no config blocks)
 * @param channel the channel name proposals must name
 * @param chaincode the chaincode name proposals must name
 * @param suite the suite of every hash and signature of this ledger
 * @param nodeCertificatePem the signing node's X.509 certificate in PEM
 * @param membership the genesis channel membership (sequence 0)
 */
public record GenesisConfig(int formatVersion, String channel, String chaincode, CryptoSuite suite,
        String nodeCertificatePem, ChannelMembership membership) {

    /** The block format this code writes. */
    public static final int FORMAT_VERSION = 2;

    /** Requires every part. */
    public GenesisConfig {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(chaincode, "chaincode");
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(nodeCertificatePem, "nodeCertificatePem");
        Objects.requireNonNull(membership, "membership");
    }

    /** This configuration as a JSON object, the {@code genesis} member of block 0's header. */
    ObjectNode toJson() {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("formatVersion", formatVersion);
        node.put("channel", channel);
        node.put("chaincode", chaincode);
        node.put("suite", suite.name());
        node.put("nodeCertificate", nodeCertificatePem);
        node.set("membership", membership.toJson());
        return node;
    }

    /** The canonical JSON text, as stored. */
    String toCanonicalJson() {
        return CanonicalJson.serialize(toJson());
    }

    /** Reads the stored form back. */
    static GenesisConfig fromJson(String json) {
        JsonNode node = Json.tree(json);
        return new GenesisConfig(node.path("formatVersion").asInt(), node.path("channel").asText(),
                node.path("chaincode").asText(), CryptoSuite.fromName(node.path("suite").asText()),
                node.path("nodeCertificate").asText(), ChannelMembership.fromJson(node.path("membership")));
    }
}
