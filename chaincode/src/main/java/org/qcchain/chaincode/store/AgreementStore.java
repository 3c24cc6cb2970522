package org.qcchain.chaincode.store;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.qcchain.chaincode.model.Agreement;
import org.qcchain.chaincode.model.Page;
import org.qcchain.chaincode.model.PageQuery;
import org.qcchain.chaincode.support.ContractErrors;
import org.qcchain.common.error.ErrorCode;

/**
 * Agreements by id, indexed by consumer and by provider, with a pointer from (consumer, dataset) to
 * the latest approved agreement, so that a data request finds it with a single read.
 */
public final class AgreementStore {
    private final LedgerState state;

    public AgreementStore(LedgerState state) {
        this.state = state;
    }

    public Optional<Agreement> find(String agreementId) {
        return state.read(key(agreementId), Agreement.class);
    }

    public Agreement require(String agreementId) {
        return find(agreementId).orElseThrow(() -> ContractErrors.error(ErrorCode.AGREEMENT_NOT_FOUND,
                "agreement '" + agreementId + "' does not exist"));
    }

    public boolean exists(String agreementId) {
        return state.exists(key(agreementId));
    }

    /** Stores a new agreement with its consumer and provider index entries. */
    public void create(Agreement agreement) {
        save(agreement);
        state.writeIndex(Keys.of(state.stub(), Keys.AGREEMENT_BY_CONSUMER,
                agreement.consumerMspId(), agreement.agreementId()));
        state.writeIndex(Keys.of(state.stub(), Keys.AGREEMENT_BY_PROVIDER,
                agreement.providerMspId(), agreement.agreementId()));
    }

    public void save(Agreement agreement) {
        state.write(key(agreement.agreementId()), agreement);
    }

    /** The id of the agreement in force for a consumer and a dataset, if any. */
    public Optional<String> inForce(String consumerMspId, String datasetId) {
        byte[] value = state.stub().getState(inForceKey(consumerMspId, datasetId));
        return value == null || value.length == 0
                ? Optional.empty()
                : Optional.of(new String(value, StandardCharsets.UTF_8));
    }

    public void setInForce(Agreement agreement) {
        state.stub().putState(inForceKey(agreement.consumerMspId(), agreement.datasetId()),
                agreement.agreementId().getBytes(StandardCharsets.UTF_8));
    }

    public Page<Agreement> pageByConsumer(String consumerMspId, PageQuery query) {
        return pageByIndex(Keys.AGREEMENT_BY_CONSUMER, consumerMspId, query);
    }

    public Page<Agreement> pageByProvider(String providerMspId, PageQuery query) {
        return pageByIndex(Keys.AGREEMENT_BY_PROVIDER, providerMspId, query);
    }

    private Page<Agreement> pageByIndex(String index, String mspId, PageQuery query) {
        return state.pageByPartialKey(index, List.of(mspId), query, kv -> {
            List<String> attributes = state.stub().splitCompositeKey(kv.getKey()).getAttributes();
            return find(attributes.get(attributes.size() - 1));
        });
    }

    private String key(String agreementId) {
        return Keys.of(state.stub(), Keys.AGREEMENT, agreementId);
    }

    private String inForceKey(String consumerMspId, String datasetId) {
        return Keys.of(state.stub(), Keys.AGREEMENT_IN_FORCE, consumerMspId, datasetId);
    }
}
