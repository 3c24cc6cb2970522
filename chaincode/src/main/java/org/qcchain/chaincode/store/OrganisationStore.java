package org.qcchain.chaincode.store;

import java.util.List;
import java.util.Optional;
import org.qcchain.chaincode.model.Organisation;
import org.qcchain.chaincode.model.Page;
import org.qcchain.chaincode.model.PageQuery;
import org.qcchain.chaincode.support.ContractErrors;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;

/** Organisations by MSP id. */
public final class OrganisationStore {
    private final LedgerState state;

    public OrganisationStore(LedgerState state) {
        this.state = state;
    }

    public Optional<Organisation> find(String mspId) {
        return state.read(key(mspId), Organisation.class);
    }

    public Organisation require(String mspId) {
        return find(mspId).orElseThrow(() -> ContractErrors.error(ErrorCode.ORGANISATION_NOT_FOUND,
                "organisation '" + mspId + "' is not registered"));
    }

    public boolean exists(String mspId) {
        return state.exists(key(mspId));
    }

    public void save(Organisation organisation) {
        state.write(key(organisation.mspId()), organisation);
    }

    public Page<Organisation> page(PageQuery query) {
        return state.pageByPartialKey(Keys.ORGANISATION, List.of(), query,
                kv -> Optional.of(Json.parse(kv.getValue(), Organisation.class)));
    }

    private String key(String mspId) {
        return Keys.of(state.stub(), Keys.ORGANISATION, mspId);
    }
}
