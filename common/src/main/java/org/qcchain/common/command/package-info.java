/**
 * Signed commands: how an organisation writes to the ledger through a node that is not its own.
 * The organisation signs a {@link org.qcchain.common.command.Command}; a node carries the {@link
 * org.qcchain.common.command.CommandEnvelope} to the relayed form of the function ({@link
 * org.qcchain.common.command.RelayedFunctions}); the chaincode verifies it and runs the function
 * with the organisation as the acting party. Shared by the chaincode, the node and the SDK.
 */
package org.qcchain.common.command;
