package org.qcchain.node.demo;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.qcchain.common.command.Command;
import org.qcchain.common.command.CommandEnvelope;
import org.qcchain.common.command.RelayedFunctions;
import org.qcchain.common.json.Json;
import org.qcchain.node.ledger.ChaincodeFailure;
import org.qcchain.node.ledger.LedgerBackend;
import org.qcchain.node.ledger.LedgerIdentity;
import org.qcchain.node.ledger.Committed;

/**
 * Writes on behalf of an organisation the way a real deployment makes them (docs/api.md, "Writes
 * on behalf of an organisation"): the organisation signs a command with its own key (a fresh
 * 128-bit nonce, the time), and the Bureau's node submits the function's relayed form with the
 * command's arguments and the signed envelope, as its relayed HTTP routes do. The chaincode checks
 * the organisation's signature, certificate and nonce, and that the submitter is the operator.
 */
final class DemoRelay {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final LedgerBackend ledger;
    private final LedgerIdentity node;

    /**
     * @param ledger the ledger
     * @param node the Bureau's node, which submits
     */
    DemoRelay(LedgerBackend ledger, LedgerIdentity node) {
        this.ledger = ledger;
        this.node = node;
    }

    /**
     * Signs {@code function(args)} as {@code party} and has the node submit it.
     *
     * @param party the organisation that acts, with a member's key
     * @param function the contract function, e.g. {@code Consents:grantConsent}
     * @param args its arguments as the chaincode takes them
     * @return the chaincode's result
     * @throws ChaincodeFailure if the chaincode refuses
     */
    Committed submit(LedgerIdentity party, String function, String... args) throws ChaincodeFailure {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        Command command = new Command(function, List.of(args), party.mspId(), HexFormat.of().formatHex(nonce),
                Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        CommandEnvelope envelope = new CommandEnvelope(command, party.identity().certificatePem(),
                Base64.getEncoder().encodeToString(party.identity().sign(command.signingBytes())));
        List<String> relayed = new ArrayList<>(List.of(args));
        relayed.add(Json.write(envelope));
        return ledger.submit(node, RelayedFunctions.relayedForm(function), relayed.toArray(String[]::new));
    }
}
