package org.qcchain.ledger.embedded;

import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Identity;

/** Hashes and signs block headers with the node's identity, in the ledger's suite. */
final class BlockSealer {

    /** A header with its hash and the node's signature over its bytes. */
    record Sealed(BlockHeader header, byte[] hash, byte[] signature) {}

    private final Identity node;

    BlockSealer(Identity node) {
        this.node = node;
    }

    CryptoSuite suite() {
        return node.suite();
    }

    Sealed seal(BlockHeader header) {
        byte[] bytes = header.bytes();
        return new Sealed(header, node.suite().hash(bytes), node.sign(bytes));
    }
}
