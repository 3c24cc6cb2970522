/**
 * The {@code qcchain} command line: {@link org.qcchain.node.cli.Cli} with the subcommands
 * {@code start}, {@code demo}, {@code verify} and {@code import}, each with {@code --help}.
 */
package org.qcchain.node.cli;
