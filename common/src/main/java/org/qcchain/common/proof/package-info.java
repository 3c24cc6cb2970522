/**
 * The proof format {@value org.qcchain.common.proof.ProofFormat#VERSION}: salted per-field
 * commitments, record roots, RFC 6962 batch trees and their verification, shared by the node
 * service (which builds proofs) and the client SDK (which checks them offline), for both crypto
 * suites. The byte-level definitions are in {@code docs/proof-format.md}.
 *
 * <p>One type per phase. A provider builds a {@link org.qcchain.common.proof.DataRecord}, commits
 * it with a {@link org.qcchain.common.proof.RecordCommitter} and a {@link
 * org.qcchain.common.proof.SaltSource} into a {@link org.qcchain.common.proof.CommittedRecord},
 * puts the record roots of a batch into a {@link org.qcchain.common.proof.MerkleTree} and anchors
 * its {@link org.qcchain.common.proof.BatchRoot}. To answer a request it sends a {@link
 * org.qcchain.common.proof.Disclosure} of the consented fields and an {@link
 * org.qcchain.common.proof.InclusionProof}. A consumer checks both with a {@link
 * org.qcchain.common.proof.ProofVerifier}, which fails closed: {@code verify} returns nothing and
 * throws a checked {@link org.qcchain.common.proof.ProofException} whose {@link
 * org.qcchain.common.proof.ProofFailure} names the check that failed.
 *
 * <pre>{@code
 * RecordCommitter committer = RecordCommitter.create(suite, SaltSource.derived(suite, saltKey));
 * MerkleTree.Builder batch = MerkleTree.builder(suite);
 * List<CommittedRecord> committed = records.stream().map(committer::commit).toList();
 * committed.forEach(batch::add);
 * MerkleTree tree = batch.build();                         // anchor tree.batchRoot()
 *
 * Disclosure disclosure = committed.get(7).disclose(Set.of("plate"));
 * InclusionProof proof = tree.inclusionProof(7);
 *
 * ProofVerifier.forSuite(suite).verify(disclosure, proof, anchoredBatchRoot);
 * }</pre>
 */
package org.qcchain.common.proof;
