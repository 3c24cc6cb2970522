package org.qcchain.ledger.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.qcchain.common.crypto.Identity;
import org.qcchain.common.json.CanonicalJson;
import org.qcchain.common.json.Json;

/**
 * A config transaction: adds an organisation to the channel membership, or replaces its CA
 * certificates, signed by the node identity of block 0 (the operator's node). The ledger writes
 * it alone in a config block, and from the next block on every proposal is checked against the
 * new membership; {@code verify} replays the updates in block order.
 *
 * <p>The signed bytes are the canonical JSON of
 *
 * <pre>{@code
 * {"channel": "qcchain", "sequence": 1, "mspId": "InsurerMSP", "caCertificates": ["-----BEGIN..."]}
 * }</pre>
 *
 * <p>{@code sequence} must be the current {@link ChannelMembership#sequence()} plus one, as a
 * Fabric config update names the config sequence it applies to: an old update cannot be replayed.
 *
 * <pre>{@code
 * MembershipUpdate update = MembershipUpdate.sign("qcchain", ledger.membership().sequence() + 1,
 *     "InsurerMSP", List.of(insurerCaPem), nodeIdentity);
 * Block config = ledger.updateMembership(update).join();
 * }</pre>
 */
public final class MembershipUpdate {

    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    /** What changes: the organisation and its complete new list of CAs. */
    record Change(String mspId, List<String> caCertificates) {}

    private final String channel;
    private final long sequence;
    private final Change change;
    private final byte[] signature;

    private MembershipUpdate(String channel, long sequence, Change change, byte[] signature) {
        this.channel = channel;
        this.sequence = sequence;
        this.change = change;
        this.signature = signature.clone();
    }

    /**
     * Signs an update.
     *
     * @param channel the ledger's channel
     * @param sequence the membership sequence this update creates (current plus one)
     * @param mspId the organisation to add or whose CAs to replace
     * @param caCertificatesPem its CA certificates from now on; at least one
     * @param node the node identity of block 0
     */
    public static MembershipUpdate sign(String channel, long sequence, String mspId, List<String> caCertificatesPem,
            Identity node) {
        Objects.requireNonNull(node, "node");
        MembershipUpdate unsigned = of(channel, sequence, mspId, caCertificatesPem, new byte[0]);
        return new MembershipUpdate(channel, sequence, unsigned.change, node.sign(unsigned.signedBytes()));
    }

    /** An update signed elsewhere (an HSM) over {@link #signedBytes()}. */
    public static MembershipUpdate of(String channel, long sequence, String mspId, List<String> caCertificatesPem,
            byte[] signature) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(mspId, "mspId");
        Objects.requireNonNull(signature, "signature");
        if (mspId.isBlank()) {
            throw new IllegalArgumentException("mspId must not be blank");
        }
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be at least 1, not " + sequence);
        }
        List<String> cas = List.copyOf(Objects.requireNonNull(caCertificatesPem, "caCertificatesPem"));
        if (cas.isEmpty()) {
            throw new IllegalArgumentException("an organisation needs at least one CA certificate");
        }
        return new MembershipUpdate(channel, sequence, new Change(mspId, cas), signature);
    }

    /** The channel it is for. */
    public String channel() {
        return channel;
    }

    /** The membership sequence it creates. */
    public long sequence() {
        return sequence;
    }

    /** The organisation it adds or changes. */
    public String mspId() {
        return change.mspId();
    }

    /** That organisation's CA certificates from now on. */
    public List<String> caCertificates() {
        return change.caCertificates();
    }

    /** The node's signature over {@link #signedBytes()}. */
    public byte[] signature() {
        return signature.clone();
    }

    Change change() {
        return change;
    }

    /** The canonical JSON bytes the node signs. */
    public byte[] signedBytes() {
        return CanonicalJson.serializeUtf8(updateJson());
    }

    private ObjectNode updateJson() {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("channel", channel);
        node.put("sequence", sequence);
        node.put("mspId", change.mspId());
        ArrayNode cas = node.putArray("caCertificates");
        change.caCertificates().forEach(cas::add);
        return node;
    }

    /** The {@code config} member of a config block's header: {@code {"update": {...}, "signature": "<base64>"}}. */
    ObjectNode toJson() {
        ObjectNode node = Json.mapper().createObjectNode();
        node.set("update", updateJson());
        node.put("signature", BASE64.encodeToString(signature));
        return node;
    }

    String toCanonicalJson() {
        return CanonicalJson.serialize(toJson());
    }

    /** Reads the stored form back. */
    static MembershipUpdate fromJson(String json) {
        JsonNode node = Json.tree(json);
        JsonNode update = node.path("update");
        List<String> cas = new ArrayList<>();
        update.path("caCertificates").forEach(pem -> cas.add(pem.asText()));
        return of(update.path("channel").asText(), update.path("sequence").asLong(), update.path("mspId").asText(),
                cas, Base64.getDecoder().decode(node.path("signature").asText()));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MembershipUpdate that && channel.equals(that.channel) && sequence == that.sequence
                && change.equals(that.change) && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(channel, sequence, change, Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "MembershipUpdate[" + channel + " #" + sequence + ": " + change.mspId() + ", "
                + change.caCertificates().size() + " CAs]";
    }
}
