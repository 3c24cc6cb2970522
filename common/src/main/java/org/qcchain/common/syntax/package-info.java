/**
 * The syntax of the platform's identifiers (MSP ids, record and dataset ids, field names, codes,
 * 256-bit hex values), one definition shared by the chaincode, which refuses what breaks it, and
 * the proof code, which builds and checks records under it.
 */
package org.qcchain.common.syntax;
