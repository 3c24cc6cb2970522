package org.qcchain.simulator.testcontract;

import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/** A second contract, reached as {@code Other:function}. */
@Contract(name = "Other", info = @Info(title = "Other test contract", version = "1.0"))
public final class OtherTestContract implements ContractInterface {

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String ping(Context ctx) {
        return "pong from " + ctx.getClientIdentity().getMSPID();
    }
}
