package org.qcchain.node.answer;

import java.util.Objects;

/**
 * A granted data request cannot be answered because a provider's record store cannot be read (a
 * damaged H2 file, a batch that no longer matches its anchor). The grant is on the ledger already ({@link
 * #accessId()}); no answer is sent and no delivery recorded. The message names the provider and
 * the store's failure, never a value.
 */
public final class StoreUnavailable extends Exception {

    private static final long serialVersionUID = 1L;

    /** The access record of the grant that could not be answered. */
    private final String accessId;

    /**
     * Creates the exception.
     *
     * @param accessId the access record of the grant
     * @param cause the store's failure, naming the provider
     */
    public StoreUnavailable(String accessId, RuntimeException cause) {
        super("access " + accessId + " was granted but cannot be answered: " + cause.getMessage()
                + ". No data was sent and no delivery recorded; the node's operator has to restore the store"
                + " before the request is repeated", cause);
        this.accessId = Objects.requireNonNull(accessId, "accessId");
    }

    /** @return the access record of the grant, on the ledger */
    public String accessId() {
        return accessId;
    }
}
