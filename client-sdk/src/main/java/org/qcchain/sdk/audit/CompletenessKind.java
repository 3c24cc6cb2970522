package org.qcchain.sdk.audit;

/**
 * What a {@link TrailCompleteness} check can find between the chain and the node's listing of the
 * access trail. In report order.
 */
public enum CompletenessKind {

    /**
     * A valid {@code Access:requestAccess} transaction with its {@code AccessDecided} event, in the
     * listing's scope, that the listing does not show: a record left out.
     */
    UNLISTED_DECISION,

    /**
     * A listed access id that is not a valid {@code AccessDecided} transaction of the verified
     * chain in the listing's scope: no transaction has the id, or it was marked invalid, or it
     * called another function, or it lies outside the listing's scope.
     */
    LISTED_WITHOUT_DECISION,

    /** An access id the listing shows more than once. */
    LISTED_TWICE,

    /**
     * A valid transaction that the chaincode could not have written as it is: a {@code
     * requestAccess} without its {@code AccessDecided} event for its own id, the event from
     * another function, or a proposal that cannot be read. Neither counted as a decision nor as a
     * listed record; each is worth a look.
     */
    INCONSISTENT_DECISION
}
