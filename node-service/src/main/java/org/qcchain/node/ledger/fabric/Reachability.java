package org.qcchain.node.ledger.fabric;

import io.grpc.Status;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import javax.net.ssl.SSLException;
import org.hyperledger.fabric.client.GatewayException;
import org.qcchain.common.error.ErrorCode;

/**
 * Tells a Fabric gateway peer that could not be reached (down, not up yet, too slow: trying again
 * later may succeed) from one that answered and refused (a TLS certificate the configured root did
 * not sign or for another host name, an endpoint that is not a gRPC peer, a member the channel
 * does not admit: a person has to change something).
 * Only the first kind lets {@code qcchain start} exit for a restart (69); the rest stay
 * configuration errors (78), so that a service manager does not restart a node forever.
 */
public final class Reachability {

    /** Deep enough for any real chain of causes; guards against a cycle of causes too. */
    private static final int MAX_DEPTH = 32;

    private Reachability() {}

    /**
     * @param failure what opening the platform threw
     * @return whether the failure, by its causes, is the gateway peer not answering: a refused or
     *     timed-out connection, a gRPC call that ended {@code UNAVAILABLE}, {@code
     *     DEADLINE_EXCEEDED} or {@code RESOURCE_EXHAUSTED} without a TLS, certificate or ALPN
     *     failure behind it, or a gateway that does not know the chaincode's peers yet (right
     *     after a peer starts). A host name that does not resolve counts as not answering: the
     *     peer's name may resolve only once it runs (containers)
     */
    public static boolean unreachable(Throwable failure) {
        boolean network = false;
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_DEPTH && seen.add(cause); depth++) {
            if (cause instanceof SSLException || cause instanceof GeneralSecurityException) {
                return false; // TLS refused the peer, or the peer us: configuration
            }
            if (cause instanceof GatewayException gateway) {
                if (FabricFailures.of("open", gateway).errorCode() == ErrorCode.NOT_AUTHORIZED) {
                    return false; // the channel refused the member: configuration
                }
                if (FabricFailures.isDiscoveryNotReady(gateway)) {
                    network = true; // a peer just started: gossip has not told the gateway who endorses yet
                }
            }
            if (String.valueOf(cause.getMessage()).contains("ALPN")) {
                return false; // a TLS endpoint that does not speak gRPC: the wrong port
            }
            if (cause instanceof ConnectException || cause instanceof SocketTimeoutException) {
                network = true;
            }
            Status.Code code = Status.fromThrowable(cause).getCode();
            if (code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED
                    || code == Status.Code.RESOURCE_EXHAUSTED) {
                network = true;
            }
            cause = cause.getCause();
        }
        return network;
    }
}
