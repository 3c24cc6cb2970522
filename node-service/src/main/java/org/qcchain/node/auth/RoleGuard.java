package org.qcchain.node.auth;

import org.qcchain.chaincode.model.Role;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.node.ApiException;

/**
 * Binds a route to roles: lets a request through only if its authenticated {@link Caller}'s
 * organisation holds one of them, else {@link ErrorCode#NOT_AUTHORIZED} (403). Goes after {@link
 * SignedRequestHandler} in a route's chain.
 *
 * <pre>{@code
 * router.get("/v1/node").handler(auth).handler(RoleGuard.anyOf(Role.OPERATOR, Role.AUDITOR))
 *     .handler(new NodeInfoHandler(config));
 * }</pre>
 */
public final class RoleGuard implements Handler<RoutingContext> {

    private final Set<Role> allowed;

    private RoleGuard(Set<Role> allowed) {
        this.allowed = allowed;
    }

    /**
     * A guard accepting any of the given roles.
     *
     * @param first a role the route accepts
     * @param more further roles it accepts
     * @return the guard
     */
    public static RoleGuard anyOf(Role first, Role... more) {
        return new RoleGuard(Set.copyOf(EnumSet.of(first, more)));
    }

    /**
     * A guard accepting any registered organisation, whatever its roles.
     *
     * @return the guard
     */
    public static RoleGuard anyRole() {
        return new RoleGuard(null);
    }

    @Override
    public void handle(RoutingContext ctx) {
        Caller caller = ctx.get(Caller.CONTEXT_KEY);
        if (caller == null) {
            // a wiring mistake, not the client's: the guard must follow the authentication handler
            ctx.fail(new IllegalStateException("RoleGuard used without SignedRequestHandler"));
            return;
        }
        if (allowed != null && !caller.hasAnyOf(allowed)) {
            ctx.fail(new ApiException(ErrorCode.NOT_AUTHORIZED, "this route needs one of the roles "
                    + new TreeSet<>(allowed) + "; " + caller.mspId() + " holds "
                    + new TreeSet<>(caller.roles())));
            return;
        }
        ctx.next();
    }
}
