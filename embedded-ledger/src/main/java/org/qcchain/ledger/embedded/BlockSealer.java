package org.qcchain.ledger.embedded;

import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Identity;

/** Hashes and signs block headers with the node's identity, in the ledger's suite. */
final class BlockSealer {

    /**
     * A header with its bytes, their hash and the node's signature over them.
     *
     * @param headerBytes {@link BlockHeader#bytes()}, kept because the block file stores them too
     */
    record Sealed(BlockHeader header, byte[] headerBytes, byte[] hash, byte[] signature) {}

    private final Identity node;

    BlockSealer(Identity node) {
        this.node = node;
    }

    CryptoSuite suite() {
        return node.suite();
    }

    Sealed seal(BlockHeader header) {
        byte[] bytes = header.bytes();
        return new Sealed(header, bytes, node.suite().hash(bytes), node.sign(bytes));
    }
}
