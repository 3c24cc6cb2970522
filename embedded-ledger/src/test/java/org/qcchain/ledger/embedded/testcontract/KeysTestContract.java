package org.qcchain.ledger.embedded.testcontract;

import static java.nio.charset.StandardCharsets.UTF_8;

import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * Plain writes and deletions of any key, which the platform's chaincode never makes (it keeps
 * every record): what the ledger's key history and tombstones are tested with.
 */
@Contract(name = "TestKeys")
public final class KeysTestContract implements ContractInterface {

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public void put(Context ctx, String key, String value) {
        ctx.getStub().putState(key, value.getBytes(UTF_8));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public void delete(Context ctx, String key) {
        ctx.getStub().delState(key);
    }

    /** The key's value, or {@code (absent)}: what a simulation reads. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String get(Context ctx, String key) {
        byte[] value = ctx.getStub().getState(key);
        return value == null || value.length == 0 ? "(absent)" : new String(value, UTF_8);
    }

    /** Writes the key twice in one transaction: the write set keeps the last. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public void putTwice(Context ctx, String key, String first, String second) {
        ctx.getStub().putState(key, first.getBytes(UTF_8));
        ctx.getStub().putState(key, second.getBytes(UTF_8));
    }
}
