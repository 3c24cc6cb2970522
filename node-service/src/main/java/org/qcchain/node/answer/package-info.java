/**
 * The data request, end to end: {@link org.qcchain.node.answer.DataRequestService} submits the
 * consumer's signed request to the ledger (the chaincode decides and records), and on a grant
 * builds the signed {@code qcchain-answer/2} envelope (docs/proof-format.md, section 11) from the
 * provider stores and the ledger's evidence. {@link org.qcchain.node.answer.DeliveryRecorder} keeps
 * each answer's delivery receipt durably before the answer leaves and records the receipts on the
 * ledger in batches afterwards, replaying at start what a stop or crash left. A denial ends in {@link
 * org.qcchain.node.answer.AccessDenied}; a grant that cannot be answered verifiably (a stored record
 * lacks a requested field) in {@link org.qcchain.node.answer.RecordIncomplete}, one whose provider
 * store cannot be read in {@link org.qcchain.node.answer.StoreUnavailable}. The receipts wait in an
 * append-only journal ({@link org.qcchain.node.answer.ReceiptJournal}).
 */
package org.qcchain.node.answer;
