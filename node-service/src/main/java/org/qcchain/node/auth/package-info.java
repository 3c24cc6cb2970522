/**
 * Who is calling and what they may do: {@link org.qcchain.node.auth.SignedRequestHandler}
 * verifies signed requests (shared scheme in {@code org.qcchain.common.auth}) against the
 * {@link org.qcchain.node.auth.OrganisationDirectory}, binds a TLS client certificate to the same
 * organisation, refuses replays with a bounded {@link org.qcchain.node.auth.NonceCache}; {@link
 * org.qcchain.node.auth.RoleGuard} binds routes to roles.
 */
package org.qcchain.node.auth;
