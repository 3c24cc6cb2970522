package org.qcchain.chaincode.access;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.hyperledger.fabric.contract.Context;
import org.qcchain.chaincode.model.Organisation;
import org.qcchain.chaincode.model.Role;
import org.qcchain.chaincode.store.CommandNonceStore;
import org.qcchain.chaincode.store.Stores;
import org.qcchain.chaincode.support.Args;
import org.qcchain.chaincode.support.Check;
import org.qcchain.chaincode.support.ContractErrors;
import org.qcchain.chaincode.support.LedgerTime;
import org.qcchain.common.command.Command;
import org.qcchain.common.command.CommandEnvelope;
import org.qcchain.common.error.ErrorCode;

/**
 * Verifies a signed command that an operator's node relays, and yields the organisation that
 * signed it as the transaction's {@link Caller}. The checks run in this order and the first that
 * fails ends the transaction, which then writes nothing:
 *
 * <ol>
 *   <li>the submitter is a registered OPERATOR: NOT_AUTHORIZED (ORGANISATION_NOT_REGISTERED);
 *   <li>the envelope is well-formed: INVALID_ARGUMENT;
 *   <li>the command names the function being run and exactly its arguments: COMMAND_MISMATCH;
 *   <li>the command's organisation is registered: ORGANISATION_NOT_REGISTERED;
 *   <li>a CA registered for it issued the certificate: CERTIFICATE_UNTRUSTED; valid at the
 *       transaction time: CERTIFICATE_EXPIRED;
 *   <li>the signature over the command's canonical JSON verifies: BAD_SIGNATURE;
 *   <li>{@code issuedAt} is within the platform's request skew of the transaction time:
 *       REQUEST_STALE;
 *   <li>the organisation has not used the nonce before: REQUEST_REPLAYED.
 * </ol>
 *
 * The nonce is spent in the same transaction, so it is spent exactly when the write happens. Time
 * is the transaction's timestamp, never the clock: every endorser decides alike.
 */
public final class RelayedCommands {
    private static final int MIN_NONCE = 8;

    private RelayedCommands() {}

    /**
     * Runs the checks and spends the nonce.
     *
     * @param ctx the transaction; its submitter is the relayer, its timestamp the time of the checks
     * @param stores the transaction's repositories
     * @param function the function whose relayed form runs, as a command names it, e.g.
     *     {@code Consents:grantConsent}
     * @param envelopeJson the {@link CommandEnvelope}
     * @param args the function's own arguments in this transaction
     * @return the organisation that signed the command, as the acting caller
     */
    public static Caller verify(Context ctx, Stores stores, String function, String envelopeJson, String... args) {
        Caller relayer = Caller.of(ctx, stores.organisations());
        relayer.requireRegistered();
        if (!relayer.hasRole(Role.OPERATOR)) {
            throw ContractErrors.notAuthorized("only an operator's node relays commands; '" + relayer.mspId()
                    + "' is no OPERATOR and submits its own writes with the plain function");
        }
        CommandEnvelope envelope = Args.parse("command", envelopeJson, CommandEnvelope.class);
        Command command = Check.present("command.command", envelope.command());
        Instant issuedAt = validateShape(command);
        requireSameWrite(command, function, Arrays.asList(args));
        Organisation organisation = stores.organisations().find(command.mspId())
                .orElseThrow(() -> ContractErrors.error(ErrorCode.ORGANISATION_NOT_REGISTERED, "organisation '"
                        + command.mspId() + "' is not registered on the platform"));
        Instant now = LedgerTime.now(ctx);
        X509Certificate certificate = CertificateTrust.requireIssuedBy(organisation, envelope.certificate(), now);
        CertificateTrust.requireSignature(certificate, command.signingBytes(), envelope.signature());
        Duration maxSkew = Duration.ofSeconds(stores.platform().require().maxRequestSkewSeconds());
        if (Duration.between(issuedAt, now).abs().compareTo(maxSkew) > 0) {
            throw ContractErrors.error(ErrorCode.REQUEST_STALE, "the command was issued at " + issuedAt
                    + ", more than " + maxSkew.toSeconds() + " s from the transaction time " + now);
        }
        CommandNonceStore nonces = new CommandNonceStore(stores.state());
        if (nonces.used(command.mspId(), command.nonce())) {
            throw ContractErrors.error(ErrorCode.REQUEST_REPLAYED, "nonce '" + command.nonce()
                    + "' was used before by '" + command.mspId() + "'");
        }
        nonces.markUsed(command.mspId(), command.nonce(), ctx.getStub().getTxId());
        return Caller.relayed(organisation, relayer.mspId());
    }

    private static Instant validateShape(Command command) {
        Check.text("command.function", command.function(), 128);
        Check.present("command.args", command.args());
        Check.matches("command.mspId", command.mspId(), Check.MSP_ID);
        Check.matches("command.nonce", command.nonce(), Check.RECORD_ID);
        if (command.nonce().length() < MIN_NONCE) {
            throw ContractErrors.invalid("command.nonce must have at least " + MIN_NONCE + " characters");
        }
        return Check.instant("command.issuedAt", command.issuedAt());
    }

    private static void requireSameWrite(Command command, String function, List<String> args) {
        if (!command.function().equals(function)) {
            throw ContractErrors.error(ErrorCode.COMMAND_MISMATCH, "the command is for " + command.function()
                    + ", not " + function);
        }
        if (!command.args().equals(args)) {
            // never echo the arguments: they may carry a subject's pseudonym
            throw ContractErrors.error(ErrorCode.COMMAND_MISMATCH, "the command's " + command.args().size()
                    + " argument(s) are not the " + args.size() + " this transaction carries for " + function);
        }
    }
}
