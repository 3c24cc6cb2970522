/**
 * The node's configuration: {@link org.qcchain.node.config.NodeConfigLoader} reads a JSON file
 * with environment overrides onto embedded-mode defaults into a checked {@link
 * org.qcchain.node.config.NodeConfig}.
 */
package org.qcchain.node.config;
