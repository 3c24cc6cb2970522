/**
 * The qcchain node service: the HTTP API that banks, insurers, identity providers and auditors
 * call. {@link org.qcchain.node.NodeMain} is the {@code qcchain} executable; {@link
 * org.qcchain.node.http.NodeServer} starts the API on a Vert.x instance; {@link
 * org.qcchain.node.ApiException} ends a request with a catalogue error.
 */
package org.qcchain.node;
