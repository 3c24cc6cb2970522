package org.qcchain.chaincode.model;

/**
 * Platform-wide settings, written once when the first operator initialises the chaincode.
 *
 * @param maxRequestSkewSeconds how far a consumer's signed request timestamp may be from the
 *     transaction time before the request is denied as stale
 */
public record PlatformSettings(String operatorMspId, String initialisedAt, long maxRequestSkewSeconds) {
    public static final long DEFAULT_MAX_REQUEST_SKEW_SECONDS = 300;
}
