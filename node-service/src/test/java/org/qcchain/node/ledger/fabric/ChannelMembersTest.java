package org.qcchain.node.ledger.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qcchain.common.crypto.Pem;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.node.ledger.ChaincodeFailure;

/** admit() on Fabric: confirms a membership the channel configuration holds, explains the rest. */
class ChannelMembersTest {

    private final TestChannel channel = new TestChannel();

    private ChannelMembers members() throws Exception {
        return ChannelMembers.of(TestChannel.CHANNEL, TestChannel.configOf(channel.configTransaction()));
    }

    @Test
    void reads_the_application_organisations_of_the_configuration() throws Exception {
        assertThat(members().mspIds()).containsExactly("BankMSP", "BureauMSP");
    }

    @Test
    void confirms_a_member_with_its_own_root_ca() throws Exception {
        ChannelMembers members = members();

        assertThatCode(() -> members.confirm("BankMSP", List.of(Pem.toPem(channel.bankCa.certificate()))))
                .doesNotThrowAnyException();
    }

    @Test
    void refuses_an_organisation_the_channel_lacks_and_points_at_the_procedure() throws Exception {
        ChannelMembers members = members();

        ChaincodeFailure failure = catchThrowableOfType(ChaincodeFailure.class,
                () -> members.confirm("InsurerMSP", List.of(Pem.toPem(channel.bankCa.certificate()))));

        assertThat(failure.errorCode()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
        assertThat(failure.getMessage()).contains("InsurerMSP is not an organisation of Fabric channel datashare",
                "docs/fabric.md", "Adding an organisation");
    }

    @Test
    void refuses_a_ca_the_channel_does_not_trust_for_that_member() throws Exception {
        ChannelMembers members = members();

        ChaincodeFailure failure = catchThrowableOfType(ChaincodeFailure.class,
                () -> members.confirm("BankMSP", List.of(Pem.toPem(channel.bureauCa.certificate()))));

        assertThat(failure.errorCode()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
        assertThat(failure.getMessage()).contains("does not trust this CA for BankMSP");
    }
}
