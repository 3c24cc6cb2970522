package org.qcchain.sdk.verify;

/**
 * What {@link ChainVerifier} checked.
 *
 * @param firstBlock number of the first block checked
 * @param lastBlock number of the last block checked
 * @param lastHash hex hash of the last block's header: keep it, later stretches must extend it
 * @param transactions transactions whose hashes were recomputed into their blocks' roots
 */
public record ChainReport(long firstBlock, long lastBlock, String lastHash, long transactions) {}
