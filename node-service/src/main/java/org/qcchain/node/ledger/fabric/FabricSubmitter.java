package org.qcchain.node.ledger.fabric;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.node.ledger.ChaincodeFailure;
import org.qcchain.node.ledger.Committed;
import org.qcchain.node.ledger.LedgerIdentity;

/**
 * Endorses, orders and waits for the commit of contract calls through the gateway, and evaluates
 * queries. A transaction that lost a race for a key ({@code MVCC_READ_CONFLICT}, {@code
 * PHANTOM_READ_CONFLICT}) changed nothing and is proposed again, as a new transaction with a new
 * id, up to {@value #MAX_ATTEMPTS} times, as the embedded backend does. An endorsement refused
 * because discovery does not yet know the chaincode's peers is tried again for a short while; any
 * other failure is reported at once, and a transaction whose commit status could not be read is
 * never proposed again (it may be on the ledger).
 */
final class FabricSubmitter {

    /** Conflicts come from concurrent requests on one key; a handful of rounds settles them. */
    static final int MAX_ATTEMPTS = 5;

    /** How long a gateway that cannot find endorsers yet is given (gossip converges in seconds). */
    private static final Duration DISCOVERY_GRACE = Duration.ofSeconds(30);

    private final GatewayConnection connection;
    private final String chaincode;

    FabricSubmitter(GatewayConnection connection, String chaincode) {
        this.connection = connection;
        this.chaincode = chaincode;
    }

    Committed submit(LedgerIdentity as, String function, String... args) throws ChaincodeFailure {
        Contract contract = connection.network(as).getContract(chaincode);
        Status status = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Transaction endorsed = endorse(contract, function, args);
            SubmittedTransaction submitted;
            try {
                submitted = endorsed.submitAsync();
                status = submitted.getStatus();
            } catch (SubmitException e) {
                throw new ChaincodeFailure(ErrorCode.LEDGER_UNAVAILABLE, function, "the orderer did not take"
                        + " transaction " + endorsed.getTransactionId() + ": " + FabricFailures.of(function, e)
                        .getMessage());
            } catch (CommitStatusException e) {
                throw new ChaincodeFailure(ErrorCode.LEDGER_UNAVAILABLE, function, "transaction "
                        + endorsed.getTransactionId() + " was ordered but its commit was not confirmed; look it up"
                        + " before trying again: " + FabricFailures.of(function, e).getMessage());
            }
            if (status.isSuccessful()) {
                return new Committed(status.getTransactionId(), status.getBlockNumber(),
                        new String(submitted.getResult(), StandardCharsets.UTF_8));
            }
            if (!isConflict(status.getCode())) {
                throw new ChaincodeFailure(ErrorCode.INTERNAL_ERROR, function, "the channel refused transaction "
                        + status.getTransactionId() + " in block " + status.getBlockNumber() + ": " + status.getCode());
            }
        }
        throw new ChaincodeFailure(ErrorCode.LEDGER_UNAVAILABLE, function, "the transaction lost " + MAX_ATTEMPTS
                + " races for the same ledger keys (last " + status.getCode() + "); retry later");
    }

    String evaluate(LedgerIdentity as, String function, String... args) throws ChaincodeFailure {
        try {
            byte[] result = connection.network(as).getContract(chaincode).evaluateTransaction(function, args);
            return new String(result, StandardCharsets.UTF_8);
        } catch (GatewayException e) {
            throw FabricFailures.of(function, e);
        }
    }

    static boolean isConflict(TxValidationCode code) {
        return code == TxValidationCode.MVCC_READ_CONFLICT || code == TxValidationCode.PHANTOM_READ_CONFLICT;
    }

    private static Transaction endorse(Contract contract, String function, String... args) throws ChaincodeFailure {
        long deadline = System.nanoTime() + DISCOVERY_GRACE.toNanos();
        while (true) {
            try {
                return contract.newProposal(function).addArguments(args).build().endorse();
            } catch (EndorseException e) {
                if (!FabricFailures.isDiscoveryNotReady(e) || System.nanoTime() > deadline) {
                    throw FabricFailures.of(function, e);
                }
                pause(function);
            }
        }
    }

    private static void pause(String function) throws ChaincodeFailure {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChaincodeFailure(ErrorCode.LEDGER_UNAVAILABLE, function, "interrupted waiting for endorsers");
        }
    }
}
