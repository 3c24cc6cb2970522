/** The rules a consent must meet before it is recorded: {@link org.qcchain.chaincode.consent.ConsentValidation}. */
package org.qcchain.chaincode.consent;
