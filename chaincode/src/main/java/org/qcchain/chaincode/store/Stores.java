package org.qcchain.chaincode.store;

import org.hyperledger.fabric.contract.Context;

/** The repositories of one transaction, over one {@link LedgerState}. */
public record Stores(
        LedgerState state,
        PlatformStore platform,
        OrganisationStore organisations,
        DatasetStore datasets,
        AnchorStore anchors,
        AgreementStore agreements,
        ConsentStore consents,
        NonceStore nonces,
        AccessRecordStore accessRecords) {

    public static Stores of(Context ctx) {
        LedgerState state = new LedgerState(ctx.getStub());
        return new Stores(state, new PlatformStore(state), new OrganisationStore(state), new DatasetStore(state),
                new AnchorStore(state), new AgreementStore(state), new ConsentStore(state), new NonceStore(state),
                new AccessRecordStore(state));
    }
}
