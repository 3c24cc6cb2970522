package org.qcchain.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.qcchain.chaincode.model.AccessRecord;
import org.qcchain.chaincode.model.Agreement;
import org.qcchain.chaincode.model.AgreementApproval;
import org.qcchain.chaincode.model.AgreementStatus;
import org.qcchain.chaincode.model.Consent;
import org.qcchain.chaincode.model.ConsentGrant;
import org.qcchain.chaincode.model.ConsentStatus;
import org.qcchain.chaincode.model.ConsentStatusChange;
import org.qcchain.chaincode.model.Decision;
import org.qcchain.common.command.Command;
import org.qcchain.common.command.CommandEnvelope;
import org.qcchain.common.command.RelayedFunctions;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Identity;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;
import org.qcchain.simulator.Endorsement;
import org.qcchain.simulator.Proposal;
import org.qcchain.simulator.SimulationResult;
import org.qcchain.simulator.TransactionResult;
import org.qcchain.simulator.VersionedKeyValue;

/**
 * Writes of organisations whose signed commands the Bureau's node relays: the function runs with
 * the signer as the acting party, and every way to misuse the relay is refused with its code and
 * writes nothing.
 */
class RelayedCommandTest {

    static final String GRANT = "Consents:grantConsent";
    static final String PAUSE = "Consents:pauseConsent";
    static final String RESUME = "Consents:resumeConsent";
    static final String REVOKE = "Consents:revokeConsent";

    static String grantJson(String consentId) {
        return Json.write(new ConsentGrant(Scenario.periodicTerms(consentId), null));
    }

    static String change(String consentId, String reason) {
        return Json.write(new ConsentStatusChange(consentId, reason));
    }

    @Nested
    class RelayedWrites {

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void the_citizen_app_grants_pauses_resumes_and_revokes_and_requests_follow(CryptoSuite suite) {
            Scenario s = new Scenario(TestNetwork.started(suite)).registerDatasets().approveAgreement();
            Relay relay = new Relay(s.net);

            Consent granted = relay.byBureau(s.net.citizenApp, GRANT, grantJson(Scenario.CONSENT))
                    .assertCommitted().as(Consent.class);
            AccessRecord whileActive = s.bankRequests();
            relay.byBureau(s.net.citizenApp, PAUSE, change(Scenario.CONSENT, "on hold")).assertCommitted();
            AccessRecord whilePaused = s.bankRequests();
            relay.byBureau(s.net.citizenApp, RESUME, change(Scenario.CONSENT, null)).assertCommitted();
            AccessRecord afterResume = s.bankRequests();
            Consent revoked = relay.byBureau(s.net.citizenApp, REVOKE, change(Scenario.CONSENT, "withdrawn"))
                    .assertCommitted().as(Consent.class);
            AccessRecord afterRevoke = s.bankRequests();

            assertThat(granted.identityProviderMspId()).isEqualTo("CitizenAppMSP");
            assertThat(whileActive.decision()).isEqualTo(Decision.GRANTED);
            assertThat(whilePaused.reasonCode()).isEqualTo("CONSENT_PAUSED");
            assertThat(afterResume.decision()).isEqualTo(Decision.GRANTED);
            assertThat(revoked.status()).isEqualTo(ConsentStatus.REVOKED);
            assertThat(afterRevoke.reasonCode()).isEqualTo("CONSENT_REVOKED");
        }

        @Test
        void a_bank_asks_and_the_provider_approves_through_the_bureau_and_the_bank_is_granted() {
            Scenario s = new Scenario(TestNetwork.started(CryptoSuite.P256_SHA256)).registerDatasets()
                    .grantConsent();
            Relay relay = new Relay(s.net);

            Agreement pending = relay.byBureau(s.net.bank, "Agreements:requestAgreement",
                    Json.write(Scenario.proposal(Scenario.AGREEMENT))).assertCommitted().as(Agreement.class);
            Agreement approved = relay.byBureau(s.net.socialInsurance, "Agreements:approveAgreement",
                    Json.write(new AgreementApproval(Scenario.AGREEMENT, null, null, null, "ok")))
                    .assertCommitted().as(Agreement.class);

            assertThat(pending.consumerMspId()).isEqualTo("BankMSP");
            assertThat(approved.status()).isEqualTo(AgreementStatus.ACTIVE);
            assertThat(s.bankRequests().decision()).isEqualTo(Decision.GRANTED);
        }

        @Test
        void the_provider_rejects_and_the_consumer_terminates_through_the_bureau() {
            Scenario s = new Scenario(TestNetwork.started(CryptoSuite.P256_SHA256)).registerDatasets();
            Relay relay = new Relay(s.net);
            relay.byBureau(s.net.bank, "Agreements:requestAgreement", Json.write(Scenario.proposal("a-1")))
                    .assertCommitted();
            relay.byBureau(s.net.bank, "Agreements:requestAgreement", Json.write(Scenario.proposal("a-2")))
                    .assertCommitted();

            Agreement rejected = relay.byBureau(s.net.socialInsurance, "Agreements:rejectAgreement", "a-1",
                    "fields too broad").assertCommitted().as(Agreement.class);
            Agreement terminated = relay.byBureau(s.net.bank, "Agreements:terminateAgreement", "a-2",
                    "no longer needed").assertCommitted().as(Agreement.class);

            assertThat(rejected.status()).isEqualTo(AgreementStatus.REJECTED);
            assertThat(terminated.status()).isEqualTo(AgreementStatus.TERMINATED);
        }

        @Test
        void the_signer_s_roles_apply_not_the_relayer_s() {
            Scenario s = new Scenario(TestNetwork.started(CryptoSuite.P256_SHA256)).registerDatasets();
            Relay relay = new Relay(s.net);
            relay.byBureau(s.net.bank, "Agreements:requestAgreement", Json.write(Scenario.proposal("a-1")))
                    .assertCommitted();

            // the Bureau is an OPERATOR: a consumer's command does not make it a provider or an identity provider
            relay.byBureau(s.net.insurer, "Agreements:approveAgreement",
                    Json.write(new AgreementApproval("a-1", null, null, null, null)))
                    .assertError(ErrorCode.NOT_AUTHORIZED);
            relay.byBureau(s.net.bank, GRANT, grantJson("c-bank")).assertError(ErrorCode.NOT_AUTHORIZED);
            relay.byBureau(s.net.vehicleAdmin, "Agreements:rejectAgreement", "a-1", "not mine")
                    .assertError(ErrorCode.NOT_AUTHORIZED);
        }

        @Test
        void every_relayable_function_has_a_relayed_form_taking_its_arguments_and_the_envelope() {
            Map<String, Class<?>> contracts = Map.of("Consents", ConsentContract.class,
                    "Agreements", AgreementContract.class);
            for (String function : RelayedFunctions.FUNCTIONS) {
                String[] parts = function.split(":");
                Class<?> contract = contracts.get(parts[0]);
                assertThat(contract.getAnnotation(Contract.class).name()).isEqualTo(parts[0]);
                Method plain = method(contract, parts[1]);
                Method relayed = method(contract, parts[1] + RelayedFunctions.SUFFIX);

                assertThat(relayed.getParameterTypes()).as(function).containsExactly(
                        append(plain.getParameterTypes(), String.class));
                assertThat(relayed.getParameterTypes()[0]).isEqualTo(Context.class);
            }
        }

        private static Method method(Class<?> type, String name) {
            return Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
        }

        private static Class<?>[] append(Class<?>[] types, Class<?> last) {
            Class<?>[] all = Arrays.copyOf(types, types.length + 1);
            all[types.length] = last;
            return all;
        }
    }

    @Nested
    class Refusals {
        final Scenario s = new Scenario(TestNetwork.started(CryptoSuite.P256_SHA256)).registerDatasets()
                .approveAgreement().grantConsent();
        final TestNetwork net = s.net;
        final Relay relay = new Relay(net);
        final String pause = change(Scenario.CONSENT, "on hold");

        /** The refusal carries the code, and the world state is exactly as before. */
        void refusedWithNothingWritten(ErrorCode code, Supplier<TestNetwork.Outcome> attempt) {
            List<VersionedKeyValue> before = net.ledger.state().range("", "", 0);

            attempt.get().assertError(code);

            assertThat(net.ledger.state().range("", "", 0)).isEqualTo(before);
        }

        /** The Bureau relays {@code envelope} as the pause it must be signed for. */
        void refusedFromTheBureau(ErrorCode code, CommandEnvelope envelope) {
            refusedWithNothingWritten(code, () -> relay.submit(net.bureau, envelope, PAUSE, pause));
        }

        CommandEnvelope pauseSignedBy(Identity signer) {
            return Relay.signed("CitizenAppMSP", signer, net.now(), "cmd-pause-0001", PAUSE, pause);
        }

        @Test
        void a_certificate_of_another_organisation() {
            refusedFromTheBureau(ErrorCode.CERTIFICATE_UNTRUSTED, pauseSignedBy(net.bank.client));
        }

        @Test
        void an_expired_certificate() {
            Identity expired = net.citizenApp.issue("expired.CitizenAppMSP", Member.CA_START, Duration.ofDays(30));

            refusedFromTheBureau(ErrorCode.CERTIFICATE_EXPIRED, pauseSignedBy(expired));
        }

        @Test
        void a_signature_that_does_not_cover_the_command() {
            CommandEnvelope signed = pauseSignedBy(net.citizenApp.client);
            Command original = signed.command();
            CommandEnvelope forged = new CommandEnvelope(new Command(original.function(), original.args(),
                    original.mspId(), "cmd-pause-0002", original.issuedAt()), signed.certificate(), signed.signature());

            refusedFromTheBureau(ErrorCode.BAD_SIGNATURE, forged);
        }

        @Test
        void a_signature_by_another_member_s_key_under_a_good_certificate() {
            Identity other = net.citizenApp.issue("other");
            CommandEnvelope signed = pauseSignedBy(other);
            CommandEnvelope swapped = new CommandEnvelope(signed.command(), net.citizenApp.client.certificatePem(),
                    signed.signature());

            refusedFromTheBureau(ErrorCode.BAD_SIGNATURE, swapped);
        }

        @Test
        void a_command_issued_too_long_before_or_after_the_transaction() {
            Instant now = net.now();
            CommandEnvelope old = Relay.signed("CitizenAppMSP", net.citizenApp.client, now.minusSeconds(301),
                    "cmd-old-0001", PAUSE, pause);
            CommandEnvelope future = Relay.signed("CitizenAppMSP", net.citizenApp.client, now.plusSeconds(301),
                    "cmd-future-0001", PAUSE, pause);

            refusedFromTheBureau(ErrorCode.REQUEST_STALE, old);
            refusedFromTheBureau(ErrorCode.REQUEST_STALE, future);
        }

        @Test
        void a_replayed_command_even_when_the_state_would_allow_it_again() {
            CommandEnvelope once = pauseSignedBy(net.citizenApp.client);
            relay.submit(net.bureau, once, PAUSE, pause).assertCommitted();
            relay.byBureau(net.citizenApp, RESUME, change(Scenario.CONSENT, null)).assertCommitted();

            refusedFromTheBureau(ErrorCode.REQUEST_REPLAYED, once);
        }

        @Test
        void the_same_nonce_twice_in_one_block_conflicts() {
            s.grantConsent(Scenario.periodicTerms("consent-0002"));
            String other = change("consent-0002", "on hold");
            Endorsement first = net.ledger.endorse(net.bureau.creator, "Consents:pauseConsentRelayed",
                    Relay.withEnvelope(Json.write(pauseSignedBy(net.citizenApp.client)), pause));
            Endorsement second = net.ledger.endorse(net.bureau.creator, "Consents:pauseConsentRelayed",
                    Relay.withEnvelope(Json.write(Relay.signed("CitizenAppMSP", net.citizenApp.client, net.now(),
                            "cmd-pause-0001", PAUSE, other)), other));

            TransactionResult committed = net.ledger.order(first);
            TransactionResult conflicted = net.ledger.order(second);

            assertThat(first.simulation().isSuccess()).isTrue();
            assertThat(second.simulation().isSuccess()).isTrue();
            assertThat(committed.committed()).isTrue();
            assertThat(conflicted.committed()).isFalse();
        }

        @Test
        void a_command_for_another_function() {
            CommandEnvelope forRevoke = Relay.signed(net.citizenApp, net.now(), REVOKE, pause);

            refusedFromTheBureau(ErrorCode.COMMAND_MISMATCH, forRevoke);
        }

        @Test
        void arguments_other_than_the_signed_ones() {
            CommandEnvelope signed = pauseSignedBy(net.citizenApp.client);

            refusedWithNothingWritten(ErrorCode.COMMAND_MISMATCH, () -> net.submit(net.bureau,
                    "Consents:revokeConsentRelayed", change(Scenario.CONSENT, "on hold"), Json.write(signed)));
            refusedWithNothingWritten(ErrorCode.COMMAND_MISMATCH, () -> relay.submit(net.bureau, signed, PAUSE,
                    change(Scenario.CONSENT, "the relayer's own reason")));
        }

        @Test
        void a_relayer_that_is_not_an_operator() {
            CommandEnvelope signed = pauseSignedBy(net.citizenApp.client);

            refusedWithNothingWritten(ErrorCode.NOT_AUTHORIZED, () -> relay.submit(net.bank, signed, PAUSE, pause));
            refusedWithNothingWritten(ErrorCode.NOT_AUTHORIZED,
                    () -> relay.submit(net.citizenApp, signed, PAUSE, pause));
            refusedWithNothingWritten(ErrorCode.ORGANISATION_NOT_REGISTERED,
                    () -> relay.submit(net.outsider, signed, PAUSE, pause));
        }

        @Test
        void a_command_of_an_unregistered_organisation() {
            CommandEnvelope outsider = Relay.signed(net.outsider, net.now(), PAUSE, pause);

            refusedFromTheBureau(ErrorCode.ORGANISATION_NOT_REGISTERED, outsider);
        }

        @Test
        void malformed_envelopes() {
            CommandEnvelope signed = pauseSignedBy(net.citizenApp.client);
            Command c = signed.command();
            CommandEnvelope shortNonce = Relay.signed("CitizenAppMSP", net.citizenApp.client, net.now(), "abc", PAUSE,
                    pause);
            CommandEnvelope noTime = new CommandEnvelope(new Command(c.function(), c.args(), c.mspId(), c.nonce(),
                    "yesterday"), signed.certificate(), signed.signature());

            refusedWithNothingWritten(ErrorCode.INVALID_ARGUMENT, () -> net.submit(net.bureau,
                    "Consents:pauseConsentRelayed", pause, "{\"command\":"));
            refusedWithNothingWritten(ErrorCode.INVALID_ARGUMENT, () -> net.submit(net.bureau,
                    "Consents:pauseConsentRelayed", pause, "{\"certificate\":\"x\",\"signature\":\"y\"}"));
            refusedFromTheBureau(ErrorCode.INVALID_ARGUMENT, shortNonce);
            refusedFromTheBureau(ErrorCode.INVALID_ARGUMENT, noTime);
        }
    }

    @Test
    void a_relayed_proposal_on_the_same_state_gives_byte_identical_results() {
        Scenario s = Scenario.ready(TestNetwork.started(CryptoSuite.SM2_SM3));
        String pause = change(Scenario.CONSENT, "on hold");
        CommandEnvelope signed = Relay.signed(s.net.citizenApp, s.net.now(), PAUSE, pause);
        Proposal proposal = Proposal.builder().channelId("datashare").chaincodeName("qcchain")
                .nonce(new byte[] {8, 7, 6, 5, 4, 3, 2, 1}).creator(s.net.bureau.creator).timestamp(s.net.now())
                .args("Consents:pauseConsentRelayed", pause, Json.write(signed)).build();

        SimulationResult first = TestNetwork.RUNNER.simulate(proposal, s.net.ledger.state());
        SimulationResult second = TestNetwork.RUNNER.simulate(proposal, s.net.ledger.state());

        assertThat(first.isSuccess()).as(first.message()).isTrue();
        assertThat(second.readWriteSet()).isEqualTo(first.readWriteSet());
        assertThat(second.payload()).isEqualTo(first.payload());
        assertThat(first.readWriteSet().writes()).hasSizeGreaterThanOrEqualTo(2);
    }
}
