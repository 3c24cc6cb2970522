package org.qcchain.chaincode.access;

import java.util.Optional;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.qcchain.chaincode.model.AccessRecord;
import org.qcchain.chaincode.model.Decision;
import org.qcchain.chaincode.support.ContractErrors;
import org.qcchain.common.error.ErrorCode;

/**
 * Who may record the delivery of an answer, and when: only the organisation that submitted the
 * request (the node that answered it), only for a GRANTED request (a denial delivers nothing),
 * and only once (the receipt is the one answer hash of that access). {@code recordDelivery} throws
 * the refusal; {@code recordDeliveries} reports it per receipt and records the others.
 */
public final class DeliveryRules {

    private DeliveryRules() {}

    /**
     * Why {@code caller} may not record a delivery for {@code record}.
     *
     * @param caller who records
     * @param record the access record, as committed
     * @return the refusal (its code and message), or empty if the delivery may be recorded
     */
    public static Optional<ChaincodeException> refusal(Caller caller, AccessRecord record) {
        if (!caller.is(record.submitterMspId())) {
            return Optional.of(ContractErrors.notAuthorized("only '" + record.submitterMspId()
                    + "', which submitted the request, may record its delivery"));
        }
        if (record.decision() != Decision.GRANTED) {
            return Optional.of(ContractErrors.error(ErrorCode.INVALID_STATE_TRANSITION, "access '"
                    + record.accessId() + "' was denied; nothing can have been delivered"));
        }
        if (record.answerHash() != null) {
            return Optional.of(alreadyRecorded(record.accessId()));
        }
        return Optional.empty();
    }

    /**
     * The refusal of a second receipt for one access.
     *
     * @param accessId the access
     * @return the refusal
     */
    public static ChaincodeException alreadyRecorded(String accessId) {
        return ContractErrors.error(ErrorCode.DELIVERY_ALREADY_RECORDED, "the delivery of access '"
                + accessId + "' was recorded before");
    }
}
