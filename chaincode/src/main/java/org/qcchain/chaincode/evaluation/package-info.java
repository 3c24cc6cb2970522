/**
 * The decision on a data request: {@link org.qcchain.chaincode.evaluation.RequestValidation} checks
 * its shape, {@link org.qcchain.chaincode.evaluation.AccessEvaluator} decides grant or deny with
 * the reason of the first failed check.
 */
package org.qcchain.chaincode.evaluation;
