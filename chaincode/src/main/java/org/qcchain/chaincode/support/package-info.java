/**
 * Small helpers every contract uses: errors with stable codes ({@link
 * org.qcchain.chaincode.support.ContractErrors}), argument checks ({@link
 * org.qcchain.chaincode.support.Check}), the transaction clock ({@link
 * org.qcchain.chaincode.support.LedgerTime}) and chaincode events ({@link
 * org.qcchain.chaincode.support.Events}).
 */
package org.qcchain.chaincode.support;
