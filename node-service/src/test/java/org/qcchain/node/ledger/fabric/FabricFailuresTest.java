package org.qcchain.node.ledger.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.junit.jupiter.api.Test;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.node.ledger.ChaincodeFailure;

/** The gateway's errors as the peers send them, mapped to the chaincode's codes. */
class FabricFailuresTest {

    private static final String FUNCTION = "Access:requestAccess";

    @Test
    void a_chaincode_refusal_in_an_endorsement_detail_keeps_the_chaincode_s_code_and_text() {
        GatewayException e = new EndorseException("tx1", error(Status.Code.ABORTED,
                "failed to endorse transaction, see attached details for more info",
                "chaincode response 500, CONSENT_REVOKED: consent c-1 was revoked"));

        ChaincodeFailure failure = FabricFailures.of(FUNCTION, e);

        assertThat(failure.errorCode()).isEqualTo(ErrorCode.CONSENT_REVOKED);
        assertThat(failure.getMessage()).isEqualTo("consent c-1 was revoked");
        assertThat(failure.function()).isEqualTo(FUNCTION);
    }

    @Test
    void a_query_refusal_in_the_error_s_own_description_keeps_the_code() {
        GatewayException e = new GatewayException(error(Status.Code.UNKNOWN,
                "evaluate call to endorser returned error: chaincode response 500, ORGANISATION_NOT_FOUND: no"
                        + " organisation InsurerMSP"));

        ChaincodeFailure failure = FabricFailures.of("Organisations:getOrganisation", e);

        assertThat(failure.errorCode()).isEqualTo(ErrorCode.ORGANISATION_NOT_FOUND);
        assertThat(failure.getMessage()).isEqualTo("no organisation InsurerMSP");
    }

    @Test
    void a_chaincode_message_without_a_code_is_an_internal_error_with_the_message() {
        GatewayException e = new GatewayException(error(Status.Code.UNKNOWN,
                "evaluate call to endorser returned error: chaincode response 500, Undefined contract method called"));

        ChaincodeFailure failure = FabricFailures.of("Nope:nothing", e);

        assertThat(failure.errorCode()).isEqualTo(ErrorCode.INTERNAL_ERROR);
        assertThat(failure.getMessage()).isEqualTo("Undefined contract method called");
    }

    @Test
    void an_unreachable_or_slow_peer_is_ledger_unavailable() {
        assertThat(FabricFailures.of(FUNCTION, new GatewayException(error(Status.Code.UNAVAILABLE, "io exception")))
                .errorCode()).isEqualTo(ErrorCode.LEDGER_UNAVAILABLE);
        assertThat(FabricFailures.of(FUNCTION, new GatewayException(error(Status.Code.DEADLINE_EXCEEDED,
                "deadline exceeded"))).errorCode()).isEqualTo(ErrorCode.LEDGER_UNAVAILABLE);
    }

    @Test
    void a_caller_the_channel_does_not_know_is_not_authorized() {
        GatewayException e = new EndorseException("tx2", error(Status.Code.ABORTED, "failed to endorse transaction",
                "error validating proposal: access denied: channel [datashare] creator org unknown, creator is"
                        + " malformed"));

        ChaincodeFailure failure = FabricFailures.of(FUNCTION, e);

        assertThat(failure.errorCode()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
        assertThat(failure.getMessage()).contains("refused the caller", "creator org unknown");
    }

    @Test
    void discovery_not_ready_is_recognised_and_anything_else_is_not() {
        assertThat(FabricFailures.isDiscoveryNotReady(new EndorseException("tx3", error(Status.Code.FAILED_PRECONDITION,
                "no combination of peers can be derived which satisfy the endorsement policy")))).isTrue();
        assertThat(FabricFailures.isDiscoveryNotReady(new EndorseException("tx4", error(Status.Code.ABORTED,
                "failed to endorse", "chaincode response 500, NOT_AUTHORIZED: no")))).isFalse();
    }

    /** A gRPC error carrying Fabric's ErrorDetail messages as the gateway peer sends them. */
    private static StatusRuntimeException error(Status.Code code, String description, String... details) {
        com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder().setCode(code.value())
                .setMessage(description);
        for (String detail : details) {
            status.addDetails(Any.pack(ErrorDetail.newBuilder().setAddress("peer0.bureau:7051").setMspId("BureauMSP")
                    .setMessage(detail).build()));
        }
        return StatusProto.toStatusRuntimeException(status.build());
    }
}
