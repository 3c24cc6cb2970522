/**
 * How a node is put together from its data folder: {@link org.qcchain.node.platform.NodePlatform}
 * opens (or, for the demo, creates) the embedded ledger, or connects to a Fabric channel through a
 * gateway peer as the member of an MSP folder ({@link org.qcchain.node.platform.IdentityFiles}),
 * and opens the provider record stores, the platform pseudonymisation key and the ledger-backed
 * organisation directory. {@code qcchain demo},
 * {@code start}, {@code verify} and {@code import} all go through it, so a node restarts on exactly
 * what a demo or an earlier run left behind.
 */
package org.qcchain.node.platform;
