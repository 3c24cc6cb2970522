package org.qcchain.node.ledger.fabric;

import io.grpc.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.node.ledger.ChaincodeFailure;

/**
 * Turns what a Fabric gateway reports into the node's {@link ChaincodeFailure}, with the code the
 * chaincode chose wherever the chaincode refused.
 *
 * <p>The chaincode refuses with a {@code ChaincodeException} whose message is {@code "CODE:
 * text"}; the peer answers the proposal with status 500 and that message, and the gateway passes
 * it on as {@code "chaincode response 500, CODE: text"}, in the error's details (one per peer
 * asked) and, for a query, in the error's own description. Without such a message, the gRPC
 * status decides: the network could not be reached or did not answer in time ({@code
 * LEDGER_UNAVAILABLE}), the channel refused the caller ({@code NOT_AUTHORIZED}), or anything else
 * ({@code INTERNAL_ERROR}).
 */
final class FabricFailures {

    private static final Pattern CHAINCODE_RESPONSE = Pattern.compile("chaincode response (\\d+), (.*)",
            Pattern.DOTALL);

    private FabricFailures() {}

    /**
     * @param function the contract function called
     * @param e what the gateway threw
     * @return the failure to report
     */
    static ChaincodeFailure of(String function, GatewayException e) {
        List<String> messages = messages(e);
        Optional<String> chaincode = chaincodeMessage(messages);
        if (chaincode.isPresent()) {
            return ChaincodeFailure.fromMessage(function, chaincode.get());
        }
        String text = String.join("; ", messages);
        if (text.contains("access denied") || e.getStatus().getCode() == Status.Code.PERMISSION_DENIED) {
            return new ChaincodeFailure(ErrorCode.NOT_AUTHORIZED, function,
                    "the Fabric channel refused the caller: " + text, e);
        }
        return switch (e.getStatus().getCode()) {
            case UNAVAILABLE, DEADLINE_EXCEEDED, CANCELLED, RESOURCE_EXHAUSTED, FAILED_PRECONDITION, ABORTED ->
                    new ChaincodeFailure(ErrorCode.LEDGER_UNAVAILABLE, function,
                            "the Fabric network did not answer: " + text, e);
            default -> new ChaincodeFailure(ErrorCode.INTERNAL_ERROR, function, "the Fabric gateway failed: " + text, e);
        };
    }

    /**
     * Whether the gateway could not yet find peers to endorse with: gossip has not told it which
     * peers run the chaincode (right after a network or peer starts). Nothing was ordered, so the
     * call can safely be made again.
     */
    static boolean isDiscoveryNotReady(GatewayException e) {
        String text = String.join("; ", messages(e));
        return text.contains("no combination of peers") || text.contains("no peers available");
    }

    /** The chaincode's own message, {@code "CODE: text"}, from the first peer that quotes one. */
    static Optional<String> chaincodeMessage(List<String> messages) {
        for (String message : messages) {
            Matcher matcher = CHAINCODE_RESPONSE.matcher(message);
            if (matcher.find()) {
                return Optional.of(matcher.group(2).strip());
            }
        }
        return Optional.empty();
    }

    private static List<String> messages(GatewayException e) {
        List<String> messages = new ArrayList<>();
        for (ErrorDetail detail : e.getDetails()) {
            messages.add(detail.getMessage());
        }
        String description = e.getStatus().getDescription();
        messages.add(description == null ? e.getStatus().getCode().name() : description);
        return messages;
    }
}
