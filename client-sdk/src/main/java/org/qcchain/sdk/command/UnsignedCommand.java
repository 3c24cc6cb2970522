package org.qcchain.sdk.command;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.qcchain.common.command.Command;
import org.qcchain.common.command.RelayedFunctions;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Identity;
import org.qcchain.sdk.internal.Syntax;

/**
 * A write an organisation asks for, before signing: the {@code Command} {@code {function, args,
 * mspId, nonce, issuedAt}} of docs/chaincode.md ("Relayed commands"), with a fresh nonce and the
 * time of building. Its canonical JSON is what the organisation signs; any node then carries the
 * write to the ledger, and the ledger runs it for this organisation only.
 *
 * <pre>{@code
 * UnsignedCommand command = Commands.revokeConsent("CitizenAppMSP", "consent-7781", "withdrawn").build();
 * SignedCommand signed = command.sign(appIdentity);          // or sign bytesToSign() in an HSM
 * client.revokeConsent(signed);
 * }</pre>
 */
public final class UnsignedCommand {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Command command;

    private UnsignedCommand(Command command) {
        this.command = command;
    }

    /** @return a builder; mspId, function and args are required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the function, e.g. {@code Consents:revokeConsent} */
    public String function() {
        return command.function();
    }

    /** @return the function's arguments, exactly as the ledger receives them */
    public List<String> args() {
        return command.args();
    }

    /** @return the organisation that acts */
    public String mspId() {
        return command.mspId();
    }

    /** @return the nonce, spent by the ledger when the write happens */
    public String nonce() {
        return command.nonce();
    }

    /** @return when the command was made; the ledger refuses it once the platform's skew has passed */
    public Instant issuedAt() {
        return Instant.parse(command.issuedAt());
    }

    /** @return the RFC 8785 bytes the organisation signs */
    public byte[] bytesToSign() {
        return command.signingBytes();
    }

    /**
     * @param suite the network's suite
     * @return the suite hash of {@link #bytesToSign()}, for signers that take a digest
     */
    public byte[] digest(CryptoSuite suite) {
        return Objects.requireNonNull(suite, "suite").hash(bytesToSign());
    }

    /**
     * Signs the command with a member of the organisation.
     *
     * @param identity a certificate issued by a CA of {@link #mspId()}, and its key
     * @return the signed command
     */
    public SignedCommand sign(Identity identity) {
        Objects.requireNonNull(identity, "identity");
        return SignedCommand.of(this, identity.certificatePem(), identity.sign(bytesToSign()));
    }

    Command command() {
        return command;
    }

    @Override
    public String toString() {
        return "UnsignedCommand[" + command.function() + ", " + command.mspId() + ", nonce " + command.nonce() + "]";
    }

    /** Collects a command; setters check their argument, {@link #build()} the whole. */
    public static final class Builder {

        private String mspId;
        private String function;
        private List<String> args;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** @param organisation the MSP id of the organisation that acts @return this builder */
        public Builder mspId(String organisation) {
            this.mspId = Syntax.require("mspId", organisation, Syntax.MSP_ID);
            return this;
        }

        /**
         * @param name a function with a relayed form ({@link RelayedFunctions#FUNCTIONS}), e.g.
         *     {@code Consents:grantConsent}
         * @return this builder
         */
        public Builder function(String name) {
            Objects.requireNonNull(name, "function");
            if (!RelayedFunctions.FUNCTIONS.contains(name)) {
                throw new IllegalArgumentException("function '" + name + "' cannot be relayed; these can: "
                        + RelayedFunctions.FUNCTIONS);
            }
            this.function = name;
            return this;
        }

        /** @param values the function's arguments; a JSON argument as its JSON text @return this builder */
        public Builder args(String... values) {
            List<String> copy = new ArrayList<>();
            for (int i = 0; i < values.length; i++) {
                copy.add(Objects.requireNonNull(values[i], "args[" + i + "]"));
            }
            this.args = List.copyOf(copy);
            return this;
        }

        /** @param issuedAt where the command's time comes from; the system clock by default @return this */
        public Builder clock(Clock issuedAt) {
            this.clock = Objects.requireNonNull(issuedAt, "clock");
            return this;
        }

        /**
         * @return the command, with a new 128-bit nonce and the current time
         * @throws IllegalStateException naming the first missing part
         */
        public UnsignedCommand build() {
            require(mspId, "mspId");
            require(function, "function");
            require(args, "args");
            byte[] nonce = new byte[16];
            RANDOM.nextBytes(nonce);
            return new UnsignedCommand(new Command(function, args, mspId, HexFormat.of().formatHex(nonce),
                    clock.instant().truncatedTo(ChronoUnit.MILLIS).toString()));
        }

        private static void require(Object value, String name) {
            if (value == null) {
                throw new IllegalStateException(name + "(...) is required");
            }
        }
    }
}
