/**
 * The HTTP layer: {@link org.qcchain.node.http.NodeServer} deploys a verticle serving a router of
 * small handlers, one per route (the organisation and dataset lists share {@code
 * RegistryListHandler}, the same code over another chaincode function), chained as content type,
 * authentication, role guard, action. Every error leaves as an RFC 9457 {@link org.qcchain.node.http.Problem} with a stable
 * code; request bodies are size-limited and read with the platform's strict JSON rules.
 */
package org.qcchain.node.http;
