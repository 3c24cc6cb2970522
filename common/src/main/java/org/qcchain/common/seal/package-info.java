/**
 * {@code qcchain-sealed/1}: hybrid encryption of a payload (a node's answer) to one recipient
 * certificate, so that TLS terminators, proxies and logs between node and consumer see only
 * ciphertext. {@link org.qcchain.common.seal.Sealer} seals and opens; {@link
 * org.qcchain.common.seal.SealedEnvelope} is the JSON form. Defined in docs/proof-format.md,
 * section "Sealed answers".
 */
package org.qcchain.common.seal;
