package org.qcchain.node.auth;

import org.qcchain.chaincode.model.Role;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Set;

/**
 * The authenticated caller of a request: put on the routing context by {@link
 * SignedRequestHandler}, read by {@link RoleGuard} and the route handlers.
 *
 * @param mspId the caller's organisation
 * @param roles the organisation's roles
 * @param certificate the certificate that signed the request, issued by the organisation's CA
 */
public record Caller(String mspId, Set<Role> roles, X509Certificate certificate) {

    /** The routing-context key under which the caller is stored. */
    public static final String CONTEXT_KEY = "qcchain.caller";

    /** Copies the roles. */
    public Caller {
        Objects.requireNonNull(mspId, "mspId");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(certificate, "certificate");
    }

    /**
     * Whether the caller's organisation holds any of {@code allowed}.
     *
     * @param allowed the roles a route accepts
     * @return true if at least one is held
     */
    public boolean hasAnyOf(Set<Role> allowed) {
        return allowed.stream().anyMatch(roles::contains);
    }
}
