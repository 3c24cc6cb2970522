package org.qcchain.chaincode;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.qcchain.common.command.Command;
import org.qcchain.common.command.CommandEnvelope;
import org.qcchain.common.command.RelayedFunctions;
import org.qcchain.common.crypto.Identity;
import org.qcchain.common.json.Json;

/**
 * Signed commands in tests: a party signs what it wants written, a relayer submits the function's
 * relayed form with the envelope as last argument, as an operator's node does.
 */
final class Relay {
    private final TestNetwork net;

    Relay(TestNetwork net) {
        this.net = net;
    }

    /** The party's client identity signs a fresh command for the function and arguments, now. */
    static CommandEnvelope signed(Member party, Instant issuedAt, String function, String... args) {
        return signed(party.mspId, party.client, issuedAt, "cmd-" + UUID.randomUUID(), function, args);
    }

    static CommandEnvelope signed(String mspId, Identity signer, Instant issuedAt, String nonce, String function,
            String... args) {
        Command command = new Command(function, List.of(args), mspId, nonce, issuedAt.toString());
        return new CommandEnvelope(command, signer.certificatePem(),
                Base64.getEncoder().encodeToString(signer.sign(command.signingBytes())));
    }

    /** The party signs and the Bureau's node relays, the usual case. */
    TestNetwork.Outcome byBureau(Member party, String function, String... args) {
        return submit(net.bureau, signed(party, net.now(), function, args), function, args);
    }

    /** {@code relayer} submits the relayed form of {@code function} with these arguments and envelope. */
    TestNetwork.Outcome submit(Member relayer, CommandEnvelope envelope, String function, String... args) {
        return net.submit(relayer, RelayedFunctions.relayedForm(function), withEnvelope(Json.write(envelope), args));
    }

    static String[] withEnvelope(String envelopeJson, String... args) {
        return Stream.concat(Stream.of(args), Stream.of(envelopeJson)).toArray(String[]::new);
    }
}
