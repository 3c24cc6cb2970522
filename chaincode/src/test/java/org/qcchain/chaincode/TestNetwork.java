package org.qcchain.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.qcchain.chaincode.model.Role;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;
import org.qcchain.simulator.ChaincodeRunner;
import org.qcchain.simulator.InMemoryLedger;
import org.qcchain.simulator.SimulationResult;
import org.qcchain.simulator.TransactionResult;

/**
 * The chaincode on an in-memory ledger with a small platform: an operator, two providers, two
 * consumers, an identity provider and an auditor, each with its own CA, in one crypto suite.
 * Transactions go through the shim's contract router exactly as a peer would send them.
 */
final class TestNetwork {
    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    static final ChaincodeRunner RUNNER = ChaincodeRunner.forContractsOnClasspath("qcchain");

    final CryptoSuite suite;
    final InMemoryLedger ledger;
    final Member bureau;
    final Member vehicleAdmin;
    final Member socialInsurance;
    final Member bank;
    final Member insurer;
    final Member citizenApp;
    final Member auditOffice;
    final Member outsider;

    private TestNetwork(CryptoSuite suite) {
        this.suite = suite;
        this.ledger = new InMemoryLedger(RUNNER, "datashare", START);
        this.bureau = new Member("BureauMSP", suite, Role.OPERATOR);
        this.vehicleAdmin = new Member("VehicleAdminMSP", suite, Role.PROVIDER);
        this.socialInsurance = new Member("SocialInsuranceMSP", suite, Role.PROVIDER);
        this.bank = new Member("BankMSP", suite, Role.CONSUMER);
        this.insurer = new Member("InsurerMSP", suite, Role.CONSUMER);
        this.citizenApp = new Member("CitizenAppMSP", suite, Role.IDENTITY_PROVIDER);
        this.auditOffice = new Member("AuditOfficeMSP", suite, Role.AUDITOR);
        this.outsider = new Member("OutsiderMSP", suite, Role.CONSUMER);
    }

    /** A network whose organisations are registered; the outsider is not. */
    static TestNetwork started(CryptoSuite suite) {
        TestNetwork network = new TestNetwork(suite);
        network.init(network.bureau).assertCommitted();
        for (Member member : List.of(network.vehicleAdmin, network.socialInsurance, network.bank, network.insurer,
                network.citizenApp, network.auditOffice)) {
            network.submit(network.bureau, "Organisations:registerOrganisation", Json.write(member.registration()))
                    .assertCommitted();
        }
        return network;
    }

    static TestNetwork unstarted(CryptoSuite suite) {
        return new TestNetwork(suite);
    }

    Outcome init(Member operator) {
        return new Outcome(ledger.init(operator.creator, "Organisations:init", Json.write(operator.registration())));
    }

    Outcome submit(Member caller, String function, String... args) {
        return new Outcome(ledger.submit(caller.creator, function, args));
    }

    Outcome evaluate(Member caller, String function, String... args) {
        SimulationResult result = ledger.evaluate(caller.creator, function, args);
        return new Outcome(new TransactionResult(result, false, "evaluated"));
    }

    void advance(Duration duration) {
        ledger.advance(duration);
    }

    Instant now() {
        return ledger.now();
    }

    /** What a transaction returned, with assertions that name the chaincode's message on failure. */
    record Outcome(TransactionResult result) {
        Outcome assertCommitted() {
            assertThat(result.committed())
                    .as("committed; status %s: %s / %s", result.simulation().status(), result.simulation().message(),
                            result.validationMessage())
                    .isTrue();
            return this;
        }

        Outcome assertOk() {
            assertThat(result.simulation().isSuccess())
                    .as("status %s: %s", result.simulation().status(), result.simulation().message())
                    .isTrue();
            return this;
        }

        /** The transaction failed with this code, and so wrote nothing. */
        Outcome assertError(ErrorCode code) {
            assertThat(result.simulation().isSuccess()).as("expected %s but succeeded: %s", code, payload()).isFalse();
            assertThat(new String(result.simulation().payload() == null ? new byte[0] : result.simulation().payload(),
                    java.nio.charset.StandardCharsets.UTF_8))
                    .as("error payload; message: %s", result.simulation().message())
                    .isEqualTo(code.code());
            assertThat(result.simulation().message()).startsWith(code.code() + ": ");
            assertThat(result.committed()).isFalse();
            return this;
        }

        <T> T as(com.fasterxml.jackson.core.type.TypeReference<T> type) {
            assertOk();
            return Json.parse(payload(), type);
        }

        String payload() {
            return result.simulation().payloadAsString();
        }

        <T> T as(Class<T> type) {
            assertOk();
            return Json.parse(payload(), type);
        }

        String message() {
            return result.simulation().message();
        }

        String txId() {
            return result.simulation().txId();
        }
    }
}
