/**
 * The platform's error catalogue, {@link org.qcchain.common.error.ErrorCode}: stable string codes
 * shared by the chaincode, the node service and the client SDK.
 */
package org.qcchain.common.error;
