package org.qcchain.sdk.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.Objects;
import org.qcchain.common.command.CommandEnvelope;
import org.qcchain.common.json.Json;
import org.qcchain.sdk.internal.SignerCertificates;

/**
 * A signed command: the body {@code {command, certificate, signature}} of a write route when the
 * node is not the organisation's own. Good for one use: the ledger spends its nonce with the
 * write. The signature is checked against the certificate here, so a bad HSM signature fails
 * before it reaches the node.
 *
 * <pre>{@code
 * byte[] signature = hsm.sign(command.bytesToSign());
 * SignedCommand signed = SignedCommand.of(command, certificatePem, signature);
 * }</pre>
 */
public final class SignedCommand {

    private final UnsignedCommand command;
    private final String certificatePem;
    private final byte[] signature;

    private SignedCommand(UnsignedCommand command, String certificatePem, byte[] signature) {
        this.command = command;
        this.certificatePem = certificatePem;
        this.signature = signature;
    }

    /**
     * Joins a command and a signature made elsewhere.
     *
     * @param command the command that was signed
     * @param certificatePem the signer's PEM certificate, issued by a CA of the command's organisation
     * @param signature DER signature over {@link UnsignedCommand#bytesToSign()}
     * @return the signed command
     * @throws IllegalArgumentException if the certificate is unreadable or the signature does not verify
     */
    public static SignedCommand of(UnsignedCommand command, String certificatePem, byte[] signature) {
        Objects.requireNonNull(command, "command");
        SignerCertificates.requireSignature(certificatePem, command.bytesToSign(), signature, "command");
        return new SignedCommand(command, certificatePem, signature.clone());
    }

    /** @return the command */
    public UnsignedCommand command() {
        return command;
    }

    /** @return the body {@code {command, certificate, signature}} the node relays */
    public ObjectNode toJson() {
        CommandEnvelope envelope = new CommandEnvelope(command.command(), certificatePem,
                Base64.getEncoder().encodeToString(signature));
        return Json.mapper().valueToTree(envelope);
    }

    @Override
    public String toString() {
        return "SignedCommand[" + command + "]";
    }
}
