package org.qcchain.chaincode;

import org.hyperledger.fabric.contract.ContractRouter;
import org.qcchain.common.crypto.Sm2CertificateSupport;

/**
 * Starts the chaincode. With {@code CHAINCODE_SERVER_ADDRESS} and {@code CORE_CHAINCODE_ID_NAME}
 * set it runs as chaincode-as-a-service: a gRPC server that the peer dials (no Docker needed);
 * otherwise it dials the peer, as a peer-launched chaincode does. The shim's router finds the
 * contracts of this jar on the class path either way.
 */
public final class ChaincodeMain {
    private ChaincodeMain() {}

    public static void main(String[] args) throws Exception {
        // creators' certificates are parsed with the JVM's default X.509 factory, which needs help with SM2
        Sm2CertificateSupport.install();
        ContractRouter.main(args);
    }
}
