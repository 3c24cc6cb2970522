package org.qcchain.chaincode.store;

import java.util.List;
import java.util.Optional;
import org.qcchain.chaincode.model.Consent;
import org.qcchain.chaincode.model.ConsentUsage;
import org.qcchain.chaincode.model.Page;
import org.qcchain.chaincode.model.PageQuery;
import org.qcchain.chaincode.support.ContractErrors;
import org.qcchain.common.error.ErrorCode;

/** Consents by id, indexed by subject pseudonym, with their usage counters under separate keys. */
public final class ConsentStore {
    private final LedgerState state;

    public ConsentStore(LedgerState state) {
        this.state = state;
    }

    public Optional<Consent> find(String consentId) {
        return state.read(key(consentId), Consent.class);
    }

    public Consent require(String consentId) {
        return find(consentId).orElseThrow(() -> ContractErrors.error(ErrorCode.CONSENT_NOT_FOUND,
                "consent '" + consentId + "' does not exist"));
    }

    public boolean exists(String consentId) {
        return state.exists(key(consentId));
    }

    /** Stores a new consent and its subject index entry. */
    public void create(Consent consent) {
        save(consent);
        state.writeIndex(Keys.of(state.stub(), Keys.CONSENT_BY_SUBJECT, consent.terms().subject(), consent.consentId()));
    }

    public void save(Consent consent) {
        state.write(key(consent.consentId()), consent);
    }

    public ConsentUsage usage(String consentId) {
        return state.read(usageKey(consentId), ConsentUsage.class).orElse(ConsentUsage.unused(consentId));
    }

    public void saveUsage(ConsentUsage usage) {
        state.write(usageKey(usage.consentId()), usage);
    }

    public Page<Consent> pageBySubject(String subject, PageQuery query) {
        return state.pageByPartialKey(Keys.CONSENT_BY_SUBJECT, List.of(subject), query, kv -> {
            List<String> attributes = state.stub().splitCompositeKey(kv.getKey()).getAttributes();
            return find(attributes.get(attributes.size() - 1));
        });
    }

    private String key(String consentId) {
        return Keys.of(state.stub(), Keys.CONSENT, consentId);
    }

    private String usageKey(String consentId) {
        return Keys.of(state.stub(), Keys.CONSENT_USAGE, consentId);
    }
}
