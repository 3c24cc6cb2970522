/**
 * The envelope of a node's answer to a data request, {@code qcchain-answer/2}: {@link
 * org.qcchain.common.answer.DataAnswer} with its {@link org.qcchain.common.answer.AccessEvidence},
 * {@link org.qcchain.common.answer.RecordEvidence} and {@link
 * org.qcchain.common.answer.TransactionEvidence}, signed in batches ({@link
 * org.qcchain.common.answer.SignedBatch}, {@link org.qcchain.common.answer.AnswerSignatures}).
 * Defined in docs/proof-format.md, section 11;
 * built by the node service, verified by the client SDK.
 */
package org.qcchain.common.answer;
