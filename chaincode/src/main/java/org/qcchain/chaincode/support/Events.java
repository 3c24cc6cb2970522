package org.qcchain.chaincode.support;

import java.util.Map;
import java.util.TreeMap;
import org.hyperledger.fabric.contract.Context;
import org.qcchain.common.json.Json;

/**
 * Chaincode events: one per transaction (Fabric keeps only the last one set), named after what
 * changed, with a canonical JSON payload of ids only, never personal data. The node service and
 * auditors follow the ledger through them.
 */
public final class Events {
    private Events() {}

    /**
     * Sets this transaction's event.
     *
     * @param name what happened, e.g. {@code ConsentRevoked}
     * @param ids the ids of the records that changed; serialised with sorted keys
     */
    public static void emit(Context ctx, String name, Map<String, ?> ids) {
        Map<String, Object> payload = new TreeMap<>(ids);
        payload.put("event", name);
        payload.put("txId", ctx.getStub().getTxId());
        ctx.getStub().setEvent(name, Json.canonicalBytes(payload));
    }
}
