/**
 * Where ledger values live: {@link org.qcchain.chaincode.store.Keys} names every key, {@link
 * org.qcchain.chaincode.store.LedgerState} reads and writes canonical JSON and pages through key
 * ranges, and one repository per record type hides the keys and indexes from the contracts.
 */
package org.qcchain.chaincode.store;
