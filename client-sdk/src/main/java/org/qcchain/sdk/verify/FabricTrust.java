package org.qcchain.sdk.verify;

import java.util.Arrays;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a verifier trusts of a Hyperledger Fabric channel, beyond the organisations' CAs in {@link
 * TrustAnchors}: the channel and chaincode whose transactions count, which organisations' orderer
 * nodes may sign blocks (the channel's {@code BlockValidation} policy), and the endorsement rule
 * of the chaincode: which organisations' peers may endorse and how many distinct ones must have.
 * Orderers and endorsing peers are recognised, as Fabric's MSPs with NodeOUs recognise them, by
 * the organisational unit of their certificate ({@code OU=orderer}, {@code OU=peer}); a client or
 * admin of the same organisation does not count.
 *
 * <pre>{@code
 * FabricTrust datashare = FabricTrust.builder()
 *         .channel("datashare")                                   // chaincode "qcchain" by default
 *         .ordererOrganisations("BureauMSP")                      // OR('BureauMSP.orderer')
 *         .endorsingOrganisations("BureauMSP", "SocialInsuranceMSP")
 *         .minimumEndorsements(1)                                 // OR(...peer, ...peer)
 *         .build();
 * }</pre>
 *
 * <p>Immutable. Get it with the CAs, from the operator's published bundle.
 */
public final class FabricTrust {

    /** The chaincode name qcchain is deployed under unless configured otherwise. */
    public static final String DEFAULT_CHAINCODE = "qcchain";
    /** Fabric's default NodeOU of orderer nodes. */
    public static final String DEFAULT_ORDERER_ROLE = "orderer";
    /** Fabric's default NodeOU of peers. */
    public static final String DEFAULT_ENDORSER_ROLE = "peer";

    private final String channel;
    private final String chaincode;
    private final Set<String> ordererOrganisations;
    private final Set<String> endorsingOrganisations;
    private final int minimumEndorsements;
    private final String ordererRole;
    private final String endorserRole;

    private FabricTrust(Builder builder) {
        this.channel = builder.channel;
        this.chaincode = builder.chaincode;
        this.ordererOrganisations = Collections.unmodifiableSet(new TreeSet<>(builder.ordererOrganisations));
        this.endorsingOrganisations = Collections.unmodifiableSet(new TreeSet<>(builder.endorsingOrganisations));
        this.minimumEndorsements = builder.minimumEndorsements;
        this.ordererRole = builder.ordererRole;
        this.endorserRole = builder.endorserRole;
    }

    /**
     * Starts a channel's trust.
     *
     * @return a builder that needs the channel and the orderer and endorsing organisations
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the channel name */
    public String channel() {
        return channel;
    }

    /** @return the name of the chaincode whose transactions count */
    public String chaincode() {
        return chaincode;
    }

    /** @return MSP ids whose orderer nodes may sign blocks, sorted */
    public Set<String> ordererOrganisations() {
        return ordererOrganisations;
    }

    /** @return MSP ids whose peers may endorse the chaincode, sorted */
    public Set<String> endorsingOrganisations() {
        return endorsingOrganisations;
    }

    /** @return how many distinct endorsing organisations a transaction needs, at least 1 */
    public int minimumEndorsements() {
        return minimumEndorsements;
    }

    /** @return the organisational unit of orderer certificates */
    public String ordererRole() {
        return ordererRole;
    }

    /** @return the organisational unit of peer certificates */
    public String endorserRole() {
        return endorserRole;
    }

    @Override
    public String toString() {
        return "FabricTrust[channel=" + channel + ", chaincode=" + chaincode + ", orderers=" + ordererOrganisations
                + ", endorsers=" + minimumEndorsements + " of " + endorsingOrganisations + "]";
    }

    /** Collects a {@link FabricTrust}; setters reject bad values, {@link #build()} what is missing. */
    public static final class Builder {

        /** Fabric's channel names. */
        private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9.-]{0,248}");
        /** Fabric's chaincode names. */
        private static final Pattern CHAINCODE = Pattern.compile("[a-zA-Z0-9]+([-_][a-zA-Z0-9]+)*");

        private String channel;
        private String chaincode = DEFAULT_CHAINCODE;
        private Set<String> ordererOrganisations = Set.of();
        private Set<String> endorsingOrganisations = Set.of();
        private int minimumEndorsements = 1;
        private String ordererRole = DEFAULT_ORDERER_ROLE;
        private String endorserRole = DEFAULT_ENDORSER_ROLE;

        private Builder() {}

        /**
         * @param name the channel, e.g. {@code datashare}; required
         * @return this builder
         */
        public Builder channel(String name) {
            this.channel = matching(CHANNEL, name, "channel");
            return this;
        }

        /**
         * @param name the chaincode name; default {@value FabricTrust#DEFAULT_CHAINCODE}
         * @return this builder
         */
        public Builder chaincode(String name) {
            this.chaincode = matching(CHAINCODE, name, "chaincode");
            return this;
        }

        /**
         * @param mspIds the organisations whose orderer nodes sign blocks; at least one, required
         * @return this builder
         */
        public Builder ordererOrganisations(String... mspIds) {
            this.ordererOrganisations = mspIds("ordererOrganisations", mspIds);
            return this;
        }

        /**
         * @param mspIds the organisations whose peers may endorse; at least one, required
         * @return this builder
         */
        public Builder endorsingOrganisations(String... mspIds) {
            this.endorsingOrganisations = mspIds("endorsingOrganisations", mspIds);
            return this;
        }

        /**
         * @param count how many distinct endorsing organisations must have endorsed; default 1
         * @return this builder
         */
        public Builder minimumEndorsements(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("minimumEndorsements must be at least 1, was " + count);
            }
            this.minimumEndorsements = count;
            return this;
        }

        /**
         * @param organisationalUnit the NodeOU of orderer certificates; default {@value
         *     FabricTrust#DEFAULT_ORDERER_ROLE}
         * @return this builder
         */
        public Builder ordererRole(String organisationalUnit) {
            this.ordererRole = role(organisationalUnit, "ordererRole");
            return this;
        }

        /**
         * @param organisationalUnit the NodeOU of peer certificates; default {@value
         *     FabricTrust#DEFAULT_ENDORSER_ROLE}
         * @return this builder
         */
        public Builder endorserRole(String organisationalUnit) {
            this.endorserRole = role(organisationalUnit, "endorserRole");
            return this;
        }

        /**
         * @return the trust
         * @throws IllegalStateException naming what is missing, or a rule no transaction could meet
         */
        public FabricTrust build() {
            if (channel == null) {
                throw new IllegalStateException("channel(...) is required");
            }
            if (ordererOrganisations.isEmpty() || endorsingOrganisations.isEmpty()) {
                throw new IllegalStateException("ordererOrganisations(...) and endorsingOrganisations(...) are required:"
                        + " without them no block or transaction verifies");
            }
            if (minimumEndorsements > endorsingOrganisations.size()) {
                throw new IllegalStateException("minimumEndorsements " + minimumEndorsements + " exceeds the "
                        + endorsingOrganisations.size() + " endorsing organisations");
            }
            return new FabricTrust(this);
        }

        private static String matching(Pattern pattern, String value, String what) {
            Objects.requireNonNull(value, what);
            if (!pattern.matcher(value).matches()) {
                throw new IllegalArgumentException("'" + value + "' is not a Fabric " + what + " name ("
                        + pattern.pattern() + ")");
            }
            return value;
        }

        private static Set<String> mspIds(String what, String... mspIds) {
            Objects.requireNonNull(mspIds, what);
            if (mspIds.length == 0) {
                throw new IllegalArgumentException(what + " needs at least one MSP id");
            }
            for (String mspId : mspIds) {
                TrustAnchorsBuilder.requireMspId(mspId);
            }
            return Set.copyOf(Arrays.asList(mspIds));
        }

        private static String role(String organisationalUnit, String what) {
            Objects.requireNonNull(organisationalUnit, what);
            if (organisationalUnit.isBlank()) {
                throw new IllegalArgumentException(what + " must not be blank");
            }
            return organisationalUnit;
        }
    }
}
