package org.qcchain.ledger.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.qcchain.chaincode.model.OrganisationRegistration;
import org.qcchain.chaincode.model.Role;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Identity;
import org.qcchain.common.crypto.Pem;
import org.qcchain.common.json.Json;
import org.qcchain.simulator.ChaincodeRunner;

/**
 * The child process of {@link CrashRecoveryTest}: opens the ledger, initialises the platform and
 * registers organisations from many concurrent submitters until it is killed, printing {@code ACK
 * <txId>} for each transaction the ledger reported committed, and nothing else on stdout.
 *
 * <p>Arguments: ledger folder, suite, folder with {@code node.crt}, {@code node.key},
 * {@code bureau.crt}, {@code bureau.key}, {@code bureau-ca.crt}.
 */
public final class CrashingNode {

    private static final int IN_FLIGHT = 32;

    private CrashingNode() {}

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        CryptoSuite suite = CryptoSuite.fromName(args[1]);
        Path keys = Path.of(args[2]);
        Identity node = identity(keys, "node");
        Identity bureau = identity(keys, "bureau");
        String caPem = Files.readString(keys.resolve("bureau-ca.crt"));
        LedgerOptions options = LedgerOptions.builder().suite(suite).nodeIdentity(node).channel(TestPlatform.CHANNEL)
                .chaincode(TestPlatform.CHAINCODE).membership(membership(caPem)).runner(ChaincodeRunner.forContractsOnClasspath(TestPlatform.CHAINCODE))
                .build();
        EmbeddedLedger ledger = EmbeddedLedger.open(folder, options);
        acknowledge(ledger.submit(proposal(bureau, "Organisations:init", Json.write(
                new OrganisationRegistration("BureauMSP", "Bureau", List.of(Role.OPERATOR), List.of(caPem))))).join());
        Semaphore permits = new Semaphore(IN_FLIGHT);
        AtomicInteger counter = new AtomicInteger();
        while (true) {
            permits.acquire();
            String mspId = "Org" + counter.incrementAndGet() + "MSP";
            SignedProposal proposal = proposal(bureau, "Organisations:registerOrganisation", Json.write(
                    new OrganisationRegistration(mspId, mspId, List.of(Role.CONSUMER), List.of(caPem))));
            ledger.submit(proposal).whenComplete((result, failure) -> {
                acknowledge(result);
                permits.release();
            });
        }
    }

    /** Only the bureau submits here. */
    static ChannelMembership membership(String bureauCaPem) {
        return ChannelMembership.builder().organisation("BureauMSP", bureauCaPem).build();
    }

    private static SignedProposal proposal(Identity bureau, String function, String argument) {
        return SignedProposal.builder(bureau, "BureauMSP").channel(TestPlatform.CHANNEL)
                .chaincode(TestPlatform.CHAINCODE).function(function).arguments(argument)
                .timestamp(TestPlatform.NOW).build();
    }

    private static synchronized void acknowledge(CommitResult result) {
        if (result != null && result.isValid()) {
            System.out.println("ACK " + result.txId());
            System.out.flush();
        }
    }

    private static Identity identity(Path keys, String name) throws Exception {
        return new Identity(Pem.parseCertificate(Files.readString(keys.resolve(name + ".crt"))),
                Pem.parsePrivateKey(Files.readString(keys.resolve(name + ".key"))));
    }
}
