package org.qcchain.common.command;

/**
 * A signed {@link Command} as it travels: from the organisation to a node in the body of a write
 * route, and from the node to the chaincode as the last argument of a function's relayed form.
 * Nobody in between can change it without the chaincode noticing.
 *
 * @param command what the organisation asks for
 * @param certificate PEM certificate of the signer, issued by a CA registered for {@code command.mspId}
 * @param signature base64 of the DER signature over {@link Command#signingBytes()}, in the
 *     certificate's suite (ECDSA P-256 with SHA-256, or SM2 with SM3)
 */
public record CommandEnvelope(Command command, String certificate, String signature) {}
