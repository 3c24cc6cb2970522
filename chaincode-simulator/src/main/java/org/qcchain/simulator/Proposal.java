package org.qcchain.simulator;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A transaction proposal as the chaincode sees it: the parts of Fabric's signed proposal that a
 * {@link org.hyperledger.fabric.shim.ChaincodeStub} exposes.
 *
 * <p>Byte arrays are copied in and out, so a proposal is immutable.
 *
 * <pre>{@code
 * byte[] nonce = Proposal.randomNonce();
 * Proposal proposal = Proposal.builder()
 *     .channelId("qcchain").chaincodeName("qcchain")
 *     .creator(Identities.serializedIdentity("BankMSP", certificatePem))
 *     .nonce(nonce)                        // the transaction id follows from nonce and creator
 *     .timestamp(Instant.now())
 *     .args("registerDataset", "vehicle.registration")
 *     .build();
 * }</pre>
 *
 * @param channelId the channel
 * @param chaincodeName the chaincode invoked
 * @param txId the transaction id, in Fabric {@link #transactionId(byte[], byte[])}
 * @param timestamp the client's timestamp from the channel header
 * @param creator the submitter's serialized identity ({@code msp.SerializedIdentity} bytes)
 * @param args the function name, then its arguments; at least the function name
 * @param transientData data passed to the chaincode that is not written to the ledger
 * @param init whether this is an init transaction ({@code Chaincode.init})
 */
public record Proposal(String channelId, String chaincodeName, String txId, Instant timestamp,
        byte[] creator, List<byte[]> args, Map<String, byte[]> transientData, boolean init) {

    /** Fabric's nonce length ({@code crypto.GetRandomNonce}). */
    private static final int NONCE_LENGTH = 24;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Validates every part and copies the byte arrays. */
    public Proposal {
        channelId = requireText(channelId, "channelId");
        chaincodeName = requireText(chaincodeName, "chaincodeName");
        txId = requireText(txId, "txId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(creator, "creator");
        if (creator.length == 0) {
            throw new IllegalArgumentException("creator must not be empty");
        }
        creator = creator.clone();
        args = copyArgs(args);
        transientData = copyTransient(transientData);
    }

    /** A builder; channel, chaincode, transaction id (or nonce), timestamp, creator and args. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The transaction id Fabric derives from a proposal: lowercase hex of SHA-256 over the nonce
     * followed by the creator's serialized identity ({@code protoutil.ComputeTxID}).
     */
    public static String transactionId(byte[] nonce, byte[] creator) {
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(creator, "creator");
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(nonce);
            sha256.update(creator);
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    /** A fresh random nonce of Fabric's length (24 bytes). */
    public static byte[] randomNonce() {
        byte[] nonce = new byte[NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        return nonce;
    }

    /** A copy of the creator's serialized identity. */
    @Override
    public byte[] creator() {
        return creator.clone();
    }

    /** Copies of the arguments, the function name first. */
    @Override
    public List<byte[]> args() {
        return args.stream().map(byte[]::clone).toList();
    }

    /** Copies of the transient data. */
    @Override
    public Map<String, byte[]> transientData() {
        Map<String, byte[]> copy = new HashMap<>();
        transientData.forEach((key, value) -> copy.put(key, value.clone()));
        return copy;
    }

    /** The function name, the first argument, read as UTF-8. */
    public String function() {
        return new String(args.get(0), UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Proposal that
                && channelId.equals(that.channelId)
                && chaincodeName.equals(that.chaincodeName)
                && txId.equals(that.txId)
                && timestamp.equals(that.timestamp)
                && Arrays.equals(creator, that.creator)
                && sameBytes(args, that.args)
                && sameTransient(transientData, that.transientData)
                && init == that.init;
    }

    @Override
    public int hashCode() {
        return Objects.hash(channelId, chaincodeName, txId, timestamp, Arrays.hashCode(creator),
                args.size(), transientData.keySet(), init);
    }

    @Override
    public String toString() {
        return "Proposal[" + txId + " on " + channelId + "/" + chaincodeName + ": " + function()
                + " with " + (args.size() - 1) + " args" + (init ? ", init" : "") + "]";
    }

    private static String requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    private static List<byte[]> copyArgs(List<byte[]> args) {
        Objects.requireNonNull(args, "args");
        if (args.isEmpty()) {
            throw new IllegalArgumentException("args must hold at least the function name");
        }
        List<byte[]> copy = new ArrayList<>(args.size());
        for (byte[] arg : args) {
            copy.add(Objects.requireNonNull(arg, "argument").clone());
        }
        return Collections.unmodifiableList(copy);
    }

    private static Map<String, byte[]> copyTransient(Map<String, byte[]> transientData) {
        Objects.requireNonNull(transientData, "transientData");
        Map<String, byte[]> copy = new LinkedHashMap<>();
        transientData.forEach((key, value) -> copy.put(
                Objects.requireNonNull(key, "transient key"),
                Objects.requireNonNull(value, "transient value").clone()));
        return Collections.unmodifiableMap(copy);
    }

    private static boolean sameBytes(List<byte[]> a, List<byte[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameTransient(Map<String, byte[]> a, Map<String, byte[]> b) {
        return a.keySet().equals(b.keySet())
                && a.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), b.get(e.getKey())));
    }

    /**
     * Builds a {@link Proposal}. Either set the transaction id, or the nonce and let {@link #build()}
     * derive the id as Fabric does; setting both requires that they agree.
     */
    public static final class Builder {

        private String channelId;
        private String chaincodeName;
        private String txId;
        private byte[] nonce;
        private Instant timestamp;
        private byte[] creator;
        private List<byte[]> args;
        private final Map<String, byte[]> transientData = new LinkedHashMap<>();
        private boolean init;

        private Builder() {}

        /** The channel. */
        public Builder channelId(String channelId) {
            this.channelId = Objects.requireNonNull(channelId, "channelId");
            return this;
        }

        /** The chaincode invoked. */
        public Builder chaincodeName(String chaincodeName) {
            this.chaincodeName = Objects.requireNonNull(chaincodeName, "chaincodeName");
            return this;
        }

        /** The transaction id. */
        public Builder txId(String txId) {
            this.txId = Objects.requireNonNull(txId, "txId");
            return this;
        }

        /** The nonce the transaction id derives from, with the creator. */
        public Builder nonce(byte[] nonce) {
            this.nonce = Objects.requireNonNull(nonce, "nonce").clone();
            return this;
        }

        /** The client's timestamp. */
        public Builder timestamp(Instant timestamp) {
            this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
            return this;
        }

        /** The submitter's serialized identity, e.g. from {@link Identities}. */
        public Builder creator(byte[] creator) {
            this.creator = Objects.requireNonNull(creator, "creator").clone();
            return this;
        }

        /** The function name and its arguments as bytes. */
        public Builder args(List<byte[]> args) {
            this.args = copyArgs(args);
            return this;
        }

        /** The function name and its arguments, each encoded as UTF-8. */
        public Builder args(String... args) {
            Objects.requireNonNull(args, "args");
            List<byte[]> bytes = new ArrayList<>(args.length);
            for (String arg : args) {
                bytes.add(Objects.requireNonNull(arg, "argument").getBytes(UTF_8));
            }
            return args(bytes);
        }

        /** Adds one entry of transient data. */
        public Builder putTransient(String key, byte[] value) {
            transientData.put(Objects.requireNonNull(key, "key"),
                    Objects.requireNonNull(value, "value").clone());
            return this;
        }

        /** Replaces the transient data. */
        public Builder transientData(Map<String, byte[]> transientData) {
            Map<String, byte[]> copy = copyTransient(transientData);
            this.transientData.clear();
            this.transientData.putAll(copy);
            return this;
        }

        /** Whether this is an init transaction; false unless set. */
        public Builder init(boolean init) {
            this.init = init;
            return this;
        }

        /**
         * The proposal.
         *
         * @throws NullPointerException if a required part is missing
         * @throws IllegalArgumentException if a part is invalid, or the transaction id does not derive
         *     from the nonce and creator given
         */
        public Proposal build() {
            String id = txId;
            if (nonce != null) {
                Objects.requireNonNull(creator, "creator");
                String derived = transactionId(nonce, creator);
                if (id != null && !id.equals(derived)) {
                    throw new IllegalArgumentException("txId " + id + " is not SHA-256(nonce || creator) "
                            + derived);
                }
                id = derived;
            }
            Objects.requireNonNull(id, "txId (or nonce)");
            Objects.requireNonNull(args, "args");
            return new Proposal(channelId, chaincodeName, id, timestamp, creator, args, transientData,
                    init);
        }
    }
}
