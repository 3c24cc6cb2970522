package org.qcchain.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.qcchain.chaincode.model.Organisation;
import org.qcchain.chaincode.model.OrganisationRegistration;
import org.qcchain.chaincode.model.Page;
import org.qcchain.chaincode.model.Role;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;

class OrganisationContractTest {

    @Nested
    class Init {
        @Test
        void the_first_operator_initialises_the_platform_with_itself() {
            TestNetwork net = TestNetwork.unstarted(CryptoSuite.SM2_SM3);
            Organisation operator = net.init(net.bureau).assertCommitted().as(Organisation.class);

            assertThat(operator.mspId()).isEqualTo("BureauMSP");
            assertThat(operator.roles()).containsExactly(Role.OPERATOR);
            assertThat(net.ledger.events()).extracting(e -> e.name()).containsExactly("PlatformInitialised");
        }

        @Test
        void initialises_only_once() {
            TestNetwork net = TestNetwork.started(CryptoSuite.P256_SHA256);
            net.init(net.bureau).assertError(ErrorCode.ALREADY_INITIALISED);
        }

        @Test
        void nobody_initialises_the_platform_for_another_organisation() {
            TestNetwork net = TestNetwork.unstarted(CryptoSuite.P256_SHA256);
            net.submit(net.bank, "Organisations:init", Json.write(net.bureau.registration()))
                    .assertError(ErrorCode.NOT_AUTHORIZED);
        }

        @Test
        void nothing_can_be_registered_before_init() {
            TestNetwork net = TestNetwork.unstarted(CryptoSuite.P256_SHA256);
            net.submit(net.bureau, "Organisations:registerOrganisation", Json.write(net.bank.registration()))
                    .assertError(ErrorCode.NOT_INITIALISED);
        }
    }

    @Nested
    class Registration {
        private final TestNetwork net = TestNetwork.started(CryptoSuite.P256_SHA256);

        @Test
        void only_an_operator_registers_organisations() {
            net.submit(net.vehicleAdmin, "Organisations:registerOrganisation", Json.write(net.outsider.registration()))
                    .assertError(ErrorCode.NOT_AUTHORIZED);
        }

        @Test
        void an_unregistered_caller_is_told_so() {
            net.submit(net.outsider, "Organisations:registerOrganisation", Json.write(net.outsider.registration()))
                    .assertError(ErrorCode.ORGANISATION_NOT_REGISTERED);
        }

        @Test
        void refuses_a_second_registration_of_one_msp() {
            net.submit(net.bureau, "Organisations:registerOrganisation", Json.write(net.bank.registration()))
                    .assertError(ErrorCode.ORGANISATION_EXISTS);
        }

        @Test
        void refuses_a_certificate_that_is_not_a_ca() {
            OrganisationRegistration registration = new OrganisationRegistration("OutsiderMSP", "Outsider",
                    List.of(Role.CONSUMER), List.of(net.outsider.client.certificatePem()));
            net.submit(net.bureau, "Organisations:registerOrganisation", Json.write(registration))
                    .assertError(ErrorCode.INVALID_ARGUMENT);
        }

        @Test
        void refuses_garbage_instead_of_a_certificate() {
            OrganisationRegistration registration = new OrganisationRegistration("OutsiderMSP", "Outsider",
                    List.of(Role.CONSUMER), List.of("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"));
            net.submit(net.bureau, "Organisations:registerOrganisation", Json.write(registration))
                    .assertError(ErrorCode.INVALID_ARGUMENT);
        }

        @Test
        void refuses_unknown_roles_and_malformed_ids() {
            net.submit(net.bureau, "Organisations:registerOrganisation",
                    "{\"mspId\":\"X\",\"name\":\"x\",\"roles\":[\"KING\"],\"caCertificates\":[]}")
                    .assertError(ErrorCode.INVALID_ARGUMENT);
            OrganisationRegistration badId = new OrganisationRegistration("Bad MSP'--", "x", List.of(Role.CONSUMER),
                    List.of(net.outsider.caPem()));
            net.submit(net.bureau, "Organisations:registerOrganisation", Json.write(badId))
                    .assertError(ErrorCode.INVALID_ARGUMENT);
        }

        @Test
        void lists_organisations_page_by_page() {
            Page<Organisation> first = net.evaluate(net.bank, "Organisations:listOrganisations", "{\"pageSize\":4}")
                    .as(new TypeReference<Page<Organisation>>() {});
            Page<Organisation> second = net.evaluate(net.bank, "Organisations:listOrganisations",
                    Json.write(new org.qcchain.chaincode.model.PageQuery(4, first.bookmark())))
                    .as(new TypeReference<Page<Organisation>>() {});

            assertThat(first.records()).hasSize(4);
            assertThat(second.records()).hasSize(3);
            assertThat(second.bookmark()).isEmpty();
            assertThat(first.records()).extracting(Organisation::mspId)
                    .doesNotContainAnyElementsOf(second.records().stream().map(Organisation::mspId).toList());
        }

        @Test
        void refuses_page_sizes_out_of_range() {
            net.evaluate(net.bank, "Organisations:listOrganisations", "{\"pageSize\":0}")
                    .assertError(ErrorCode.INVALID_ARGUMENT);
            net.evaluate(net.bank, "Organisations:listOrganisations", "{\"pageSize\":201}")
                    .assertError(ErrorCode.INVALID_ARGUMENT);
        }
    }

    @Nested
    class Roles {
        private final TestNetwork net = TestNetwork.started(CryptoSuite.P256_SHA256);

        @Test
        void an_operator_changes_roles() {
            Organisation updated = net.submit(net.bureau, "Organisations:updateRoles", "BankMSP",
                    "[\"CONSUMER\",\"PROVIDER\"]").assertCommitted().as(Organisation.class);
            assertThat(updated.roles()).containsExactly(Role.PROVIDER, Role.CONSUMER);
        }

        @Test
        void an_operator_cannot_drop_its_own_operator_role() {
            net.submit(net.bureau, "Organisations:updateRoles", "BureauMSP", "[\"AUDITOR\"]")
                    .assertError(ErrorCode.INVALID_STATE_TRANSITION);
        }

        @Test
        void others_cannot_change_roles() {
            net.submit(net.bank, "Organisations:updateRoles", "BankMSP", "[\"OPERATOR\"]")
                    .assertError(ErrorCode.NOT_AUTHORIZED);
        }

        @Test
        void an_operator_rolls_an_organisations_ca() {
            Member newCa = new Member("BankMSP", CryptoSuite.P256_SHA256);
            net.submit(net.bureau, "Organisations:updateCertificates", "BankMSP", Json.write(List.of(newCa.caPem())))
                    .assertCommitted();
            Organisation bank = net.evaluate(net.bank, "Organisations:getOrganisation", "BankMSP")
                    .as(Organisation.class);
            assertThat(bank.caCertificates()).containsExactly(newCa.caPem());
        }

        @Test
        void unknown_organisations_are_not_found() {
            net.evaluate(net.bank, "Organisations:getOrganisation", "NobodyMSP")
                    .assertError(ErrorCode.ORGANISATION_NOT_FOUND);
        }
    }
}
